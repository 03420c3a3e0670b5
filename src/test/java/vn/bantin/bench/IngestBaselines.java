package vn.bantin.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.evidence.PlayNames;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

/**
 * What one core can do of the ingest's two big costs, measured in the same run as the ingest (before it, so
 * they do not compete): Ed25519 verifications (BouncyCastle, libsodium as the controller verifies, the JDK's EdDSA),
 * and durable inserts of play records (the real schema, one commit per 250, one thread).
 */
final class IngestBaselines {

    private static final byte[] X509_ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final long MEASURE_NS = 2_000_000_000L;

    private IngestBaselines() {
    }

    /** Prints the verification rates per core; returns them in one line, to print beside the ingest figure. */
    static String ed25519() throws Exception {
        BenchAgent agent = new BenchAgent();
        List<byte[]> messages = new ArrayList<>();
        List<byte[]> sigs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String[] rec = agent.next("slot-2/loop", 2L, "LOOP", "a".repeat(64), i, (long) i, i + 50_000L, "PLAYED");
            messages.add(rec[0].getBytes(StandardCharsets.UTF_8));
            sigs.add(Base64.getDecoder().decode(rec[1]));
        }
        byte[] key = agent.key.publicKey();
        double bc = perSecond(i -> Ed25519Keys.verify(key, messages.get(i % 1000), sigs.get(i % 1000)));
        vn.bantin.security.Ed25519Verifier decoded = vn.bantin.security.Ed25519Verifier.bouncyCastleOnly(key);
        double bcDecoded = perSecond(i -> decoded.verify(messages.get(i % 1000), sigs.get(i % 1000)));
        vn.bantin.security.Ed25519Verifier ingest = vn.bantin.security.Ed25519Verifier.of(key);
        double ingestRate = perSecond(i -> ingest.verify(messages.get(i % 1000), sigs.get(i % 1000)));
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(
                X509_ED25519_PREFIX, key)));
        Signature jdk = Signature.getInstance("Ed25519");
        double jdkRate = perSecond(i -> {
            try {
                jdk.initVerify(jdkKey);
                jdk.update(messages.get(i % 1000));
                return jdk.verify(sigs.get(i % 1000));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.printf("BENCH reports.ed25519_verify_per_s_per_core %.0f verifications/s per CPU-second"
                + " (BouncyCastle, the key decoded for each signature; load %s)%n", bc, load());
        System.out.printf("BENCH reports.ed25519_point_verify_per_s_per_core %.0f verifications/s per CPU-second"
                + " (BouncyCastle, the key decoded once per batch; load %s)%n", bcDecoded, load());
        System.out.printf("BENCH reports.ed25519_ingest_verify_per_s_per_core %.0f verifications/s per CPU-second"
                + " (the verifier ingest uses, %s, for the one signature it checks per linked run; load %s)%n", ingestRate,
                vn.bantin.security.Ed25519Verifier.implementation(), load());
        System.out.printf("BENCH reports.ed25519_jdk_verify_per_s_per_core %.0f verifications/s per CPU-second"
                + " (JDK EdDSA; load %s)%n", jdkRate, load());
        return String.format("BouncyCastle %.0f/s, %s as ingest uses it %.0f/s per core", bcDecoded,
                vn.bantin.security.Ed25519Verifier.implementation(), ingestRate);
    }

    /** Durable inserts into a fresh database with the controller's schema and settings: 100 commits of 250. */
    static String durableInserts(String url) throws Exception {
        int batches = 100;
        int batch = 250;
        try (Database db = Database.open(url, "SA", "")) {
            long endpoint = db.tx(c -> {
                long area = new AreaRepository().insert(c, null, "Xã đo", java.time.ZoneId.of("Asia/Ho_Chi_Minh"), null);
                return new EndpointRepository().insert(c, "Loa đo", EndpointKind.SPEAKER, area, java.util.Set.of(),
                        EndpointStatus.ACTIVE, 0);
            });
            BenchAgent agent = new BenchAgent();
            List<List<StoredPlay>> rows = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<StoredPlay> one = new ArrayList<>();
                for (int r = 0; r < batch; r++) {
                    long t = (b * batch + r) * 60_000L;
                    String[] rec = agent.next("slot-2/loop", 2L, "LOOP", "a".repeat(64), t, t + 20, t + 50_020,
                            "PLAYED");
                    one.add(new StoredPlay(agent.deviceId(), agent.seq(), endpoint, rec[0], rec[1], rec[2],
                            "0".repeat(64), "slot-2/loop", 2L, "NORMAL", "LOOP", "a".repeat(64), t, t + 20,
                            t + 50_020, "PLAYED", null, false, t, new PlayNames("Chiến dịch", "tệp.mp3", "Loa đo",
                                    1L, "Xã đo", "Tuyên truyền")));
                }
                rows.add(one);
            }
            PlayRecordRepository repo = new PlayRecordRepository();
            long t0 = System.nanoTime();
            for (List<StoredPlay> one : rows) {
                db.tx(c -> {
                    repo.insertAll(c, one);
                    return null;
                });
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("BENCH reports.durable_insert_per_s %.0f records/s (play_record rows, %d commits of %d,"
                    + " one thread, no verification or rollups; load %s)%n", batches * batch / seconds, batches, batch,
                    load());
            return String.format("durable inserts %.0f/s on one thread", batches * batch / seconds);
        }
    }

    private interface Op {
        boolean run(int i);
    }

    /**
     * Operations per second of this thread's CPU time: on a shared machine the wall clock measures the other
     * users too, the thread's CPU time only what one core spends on each verification.
     */
    private static double perSecond(Op op) {
        for (int i = 0; i < 2000; i++) {
            if (!op.run(i)) {
                throw new IllegalStateException("a good signature did not verify");
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = cpu.getCurrentThreadCpuTime();
        int n = 0;
        while (cpu.getCurrentThreadCpuTime() - t0 < MEASURE_NS) {
            for (int k = 0; k < 100; k++) {
                if (!op.run(n++)) {
                    throw new IllegalStateException("a good signature did not verify");
                }
            }
        }
        return n / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String load() {
        try {
            String[] f = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
