package vn.bantin.bench;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verified ingest through the real HTTP API: AGENTS enrolled agents (one-time codes), each with BATCHES batches of
 * BATCH signed records prepared beforehand (a third ONCE bulletins, the rest loop items), posted by THREADS
 * concurrent senders, twice: to the controller just started, then as many again to the same controller warm. The
 * rate counts records the controller answered as stored, over the wall time of the sending.
 */
final class IngestBench {

    private static final int AGENTS = Integer.getInteger("bench.agents", 100);
    private static final int BATCHES = Integer.getInteger("bench.batches", 10);
    private static final int BATCH = Integer.getInteger("bench.batch", 250);
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final String SHA = "a".repeat(64);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private IngestBench() {
    }

    static void run(String baseUrl, String token) throws Exception {
        AdminClient admin = new AdminClient(baseUrl, token);
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh thử tải")
                .put("zone", "Asia/Ho_Chi_Minh")).getLong("id");
        long commune = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã thử tải").put("parentId", province))
                .getLong("id");
        List<BenchAgent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(enrolled(admin, baseUrl, commune, i));
        }
        List<List<byte[]>> bodies = prepare(agents);
        String baselines = IngestBaselines.ed25519();
        if (System.getProperty("bench.db.url") != null) {
            baselines += "; " + IngestBaselines.durableInserts(System.getProperty("bench.db.url"));
        }
        String controllerPid = System.getenv("CONTROLLER_PID");
        Long controller = controllerPid == null ? null : Long.parseLong(controllerPid);
        // the first round meets a controller just started (its JIT compiling the ingest path as it goes); the
        // second sends as many records again, each agent's chain going on, to the same controller now warm
        round("reports.ingest_per_s", "first round, controller just started", baseUrl, agents, bodies, 0,
                controller);
        round("reports.ingest_warm_per_s", "second round, the same controller warm", baseUrl, agents, bodies,
                BATCHES, controller);
        System.out.printf("# beside it, per CPU-second: %s (target 10000 records/s)%n", baselines);
    }

    private static void round(String name, String what, String baseUrl, List<BenchAgent> agents,
                              List<List<byte[]>> bodies, int firstBatch, Long controller) throws Exception {
        long controllerTicks = controller == null ? 0 : ProcessCpu.ticks(controller);
        java.util.Map<String, Long> threadTicks = controller == null ? java.util.Map.of()
                : ProcessCpu.threadTicks(controller);
        long benchCpuNs = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        String loadBefore = IngestBaselines.load();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong stored = new AtomicLong();
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> send(baseUrl, agents, bodies, firstBatch, thread, stored)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long expected = (long) AGENTS * BATCHES * BATCH;
        if (stored.get() != expected) {
            throw new IllegalStateException("stored " + stored.get() + " of " + expected);
        }
        System.out.printf("# ingest, %s: %d records from %d agents in batches of %d, %d senders, %.1f s%n", what,
                expected, AGENTS, BATCH, THREADS, seconds);
        if (controller != null) {
            double cpuSeconds = (ProcessCpu.ticks(controller) - controllerTicks) / 100.0;
            System.out.printf("# controller CPU while ingesting: %.1f s (%.0f%% of one core), %.0f us per record%n",
                    cpuSeconds, cpuSeconds / seconds * 100, cpuSeconds * 1e6 / expected);
            // where the controller's CPU went, per thread: a thread near 100% of the wall time is the bottleneck
            StringBuilder threads = new StringBuilder();
            ProcessCpu.threadTicks(controller).forEach((thread, ticks) -> {
                double s = (ticks - threadTicks.getOrDefault(thread, 0L)) / 100.0;
                if (s >= 0.2) {
                    threads.append(String.format("; %s %.1f s (%.0f%% of the wall time)", thread, s, s / seconds * 100));
                }
            });
            System.out.printf("# controller CPU by thread%s%n", threads);
            System.out.printf("# ceiling if the controller had both cores to itself at this cost: %.0f records/s%n",
                    Runtime.getRuntime().availableProcessors() * expected / cpuSeconds);
        }
        double benchCpu = (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() - benchCpuNs) / 1e9;
        System.out.printf("# the senders' own CPU on the same 2 cores: %.1f s (%.0f us per record)%n", benchCpu,
                benchCpu * 1e6 / expected);
        System.out.printf("BENCH %s %.0f records/s (%s; load before %s, after %s)%n", name, expected / seconds, what,
                loadBefore, IngestBaselines.load());
    }

    private static BenchAgent enrolled(AdminClient admin, String baseUrl, long commune, int i) throws Exception {
        long endpoint = admin.post("/api/v1/endpoints", new JsonObject().put("name", "Loa thử " + i)
                .put("kind", "SPEAKER").put("areaId", commune)).getLong("id");
        String code = admin.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", new JsonObject())
                .getString("code");
        BenchAgent agent = new BenchAgent();
        byte[] body = new JsonObject().put("publicKey", agent.key.publicKeyBase64()).put("kind", "SPEAKER")
                .put("name", "loa-" + i).put("hardware", new JsonObject()).put("enrollmentCode", code).encode()
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> res = agent.post(admin.http, baseUrl, "/agent/v1/enroll", body);
        if (res.statusCode() != 200) {
            throw new IllegalStateException("enroll: " + res.statusCode() + " " + res.body());
        }
        return agent;
    }

    /** Every agent's batches, signed, as request bodies; an hour of one agent's day per batch. */
    private static List<List<byte[]>> prepare(List<BenchAgent> agents) {
        long day = System.currentTimeMillis() - 86_400_000L;
        return agents.parallelStream().map(agent -> {
            List<byte[]> batches = new ArrayList<>();
            long t = day;
            for (int b = 0; b < 2 * BATCHES; b++) {
                StringBuilder body = new StringBuilder("{\"batch\":\"" + batchId() + "\",\"records\":[");
                for (int r = 0; r < BATCH; r++) {
                    t += 60_000;
                    boolean once = r % 3 == 0;
                    String[] rec = agent.next(once ? "slot-1/" + t : "slot-2/loop", once ? 1L : 2L,
                            once ? "ONCE" : "LOOP", SHA, t, t + 20, t + 50_020, "PLAYED");
                    body.append(r == 0 ? "" : ",").append("{\"payload\":").append(Json.encode(rec[0]))
                            .append(",\"sig\":\"").append(rec[1]).append("\"}");
                }
                batches.add(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
            }
            return batches;
        }).toList();
    }

    /** A new batch id per request, as the agent makes one (contract: POST /agent/v1/plays). */
    private static String batchId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return java.util.HexFormat.of().formatHex(id);
    }

    private static void send(String baseUrl, List<BenchAgent> agents, List<List<byte[]>> bodies, int firstBatch,
                             int thread, AtomicLong stored) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            for (int a = thread; a < agents.size(); a += THREADS) {
                for (byte[] body : bodies.get(a).subList(firstBatch, firstBatch + BATCHES)) {
                    HttpResponse<String> res = agents.get(a).post(http, baseUrl, "/agent/v1/plays", body);
                    if (res.statusCode() != 200) {
                        throw new IllegalStateException("plays: " + res.statusCode() + " " + res.body());
                    }
                    stored.addAndGet(new JsonObject(res.body()).getLong("stored"));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
