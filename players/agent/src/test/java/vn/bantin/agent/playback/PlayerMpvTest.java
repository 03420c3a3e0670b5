package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.sync.AgentClock;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.TimelineStore;
import vn.bantin.agent.sync.TimelineVerifier;

/** Real mpv (null outputs) playing a real generated tone at a wall-clock time. */
class PlayerMpvTest {

    @TempDir
    Path state;

    @Test
    @Timeout(30)
    void toneStartsOnTimeEndsWithEofAndIsRecordedAsPlayed() throws Exception {
        Path tone = state.resolve("tone.wav");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=2", tone.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor()).isZero();
        byte[] media = Files.readAllBytes(tone);
        String sha = Hashes.sha256Hex(media);
        Files.createDirectories(state.resolve("media"));
        Files.write(state.resolve("media").resolve(sha), media);

        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        AgentClock clock = new AgentClock(state);
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        AgentStatus status = new AgentStatus(state, keys.deviceId());
        KeyPair controller = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TimelineStore store = new TimelineStore(state);
        store.init(new TimelineVerifier(Ed25519.rawPublicKey(controller.getPublic()), keys.deviceId()));

        long start = clock.now() + 1_500;
        byte[] body = timeline(keys.deviceId(), sha, media.length, start);
        store.accept(body, sign(controller, body));

        MpvProcess mpv = new MpvProcess("mpv", List.of("--ao=null", "--vo=null"), state.resolve("mpv.sock"));
        Player player = new Player(mpv, store, new MediaCache(state.resolve("media")), spool, clock, status,
                Duration.ofSeconds(30), Duration.ofSeconds(3));
        Thread thread = new Thread(player, "player");
        thread.start();
        try {
            while (spool.count() == 0) {
                Thread.sleep(50);
            }
        } finally {
            player.stop();
            thread.join(5_000);
            mpv.close();
        }

        SpooledRecord record = spool.oldest(1).get(0);
        Map<String, Object> payload = JSON.std.mapFrom(record.payload());
        assertThat(payload).containsEntry("outcome", "PLAYED").containsEntry("entryId", "tone")
                .containsEntry("sha256", sha);
        long actualStart = ((Number) payload.get("actualStart")).longValue();
        long actualEnd = ((Number) payload.get("actualEnd")).longValue();
        assertThat(Math.abs(actualStart - start)).isLessThan(300);
        // with --ao=null mpv reports eof once its ~0.4 s output buffer is filled, not drained
        assertThat(actualEnd - actualStart).isBetween(1_400L, 2_600L);
        Map<String, Object> written = JSON.std.mapFrom(Files.readAllBytes(state.resolve("status.json")));
        assertThat(Math.abs(((Number) written.get("lastStartErrorMs")).longValue())).isLessThan(300);
        assertThat(written.get("nowPlaying")).isNull();
        assertThat(written.get("spooledRecords")).isNotNull();
    }

    private static byte[] timeline(String deviceId, String sha, long size, long start) {
        return ("{\"deviceId\":\"" + deviceId + "\",\"endpointId\":1,\"version\":\"v1\",\"from\":" + (start - 10_000)
                + ",\"to\":" + (start + 60_000) + ",\"entries\":[{\"id\":\"tone\",\"start\":" + start
                + ",\"end\":" + (start + 2_000) + ",\"mode\":\"ONCE\",\"class\":\"NORMAL\",\"campaignId\":7,"
                + "\"campaign\":\"Thử\",\"volume\":80,\"anchor\":" + start + ",\"items\":[{\"sha256\":\"" + sha
                + "\",\"size\":" + size + ",\"durationMs\":2000,\"kind\":\"AUDIO\",\"url\":\"/agent/v1/media/" + sha
                + "\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String sign(KeyPair keys, byte[] body) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }
}
