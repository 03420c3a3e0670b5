package vn.bantin.agent.playback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.clock.ShiftedTime;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.Ed25519;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.TimelineStore;
import vn.bantin.agent.sync.TimelineVerifier;

/**
 * A player on real mpv (null outputs) with real tones made by ffmpeg, a signed timeline, a spool, and a
 * system clock the test can move: everything the player thread uses, and nothing pretending to be mpv.
 */
final class PlayerRig implements AutoCloseable {

    record Tone(String sha, long size, long durationMs, Path file) {
    }

    final Path state;
    final ShiftedTime time = ShiftedTime.by(0);
    final AgentClock clock;
    final Faults faults;
    final RecordSpool spool;
    final TimelineStore store;
    final MediaCache cache;
    final MpvProcess mpv;
    final PlayedLog played;
    final List<String> started = new CopyOnWriteArrayList<>();
    private final DeviceKeys keys;
    private final KeyPair controller;
    private Player player;
    private Thread thread;
    private long serial;

    PlayerRig(Path state) throws Exception {
        this(state, "mpv");
    }

    /** With {@code mpvPath} for mpv: a wrapper that starts it slowly, as a loaded machine does. */
    PlayerRig(Path state, String mpvPath) throws Exception {
        this.state = state;
        keys = DeviceKeys.loadOrCreate(state);
        clock = new AgentClock(state, time, 1_000);
        faults = new Faults(clock::now);
        clock.reportTo(faults);
        spool = RecordSpool.open(state.resolve("spool"), keys);
        controller = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        store = new TimelineStore(state);
        store.init(new TimelineVerifier(Ed25519.rawPublicKey(controller.getPublic()), keys.deviceId()));
        cache = new MediaCache(state.resolve("media"));
        mpv = new MpvProcess(mpvPath, List.of("--ao=null", "--vo=null"), state.resolve("mpv.sock"), clock::now);
        played = PlayedLog.load(state, List.of());
    }

    /** A sine tone of that length, made by ffmpeg outside the cache; {@link #cache} puts it in. */
    Tone tone(double seconds, int hz) throws Exception {
        Path dir = Files.createDirectories(state.resolve("made"));
        Path file = dir.resolve(hz + "-" + seconds + ".wav");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                String.format(Locale.ROOT, "sine=frequency=%d:duration=%.3f", hz, seconds), file.toString())
                .inheritIO().start();
        assertThat(ffmpeg.waitFor()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        return new Tone(Hashes.sha256Hex(bytes), bytes.length, Math.round(seconds * 1000), file);
    }

    void cache(Tone t) throws IOException {
        Files.copy(t.file(), state.resolve("media").resolve(t.sha()));
    }

    static String once(String id, long start, Tone t, String clazz) {
        return entry(id, start, start + t.durationMs(), "ONCE", clazz, start, List.of(t));
    }

    static String loop(String id, long start, long end, long anchor, List<Tone> items) {
        return entry(id, start, end, "LOOP", "NORMAL", anchor, items);
    }

    private static String entry(String id, long start, long end, String mode, String clazz, long anchor,
                                List<Tone> items) {
        List<String> its = new ArrayList<>();
        for (Tone t : items) {
            its.add("{\"sha256\":\"" + t.sha() + "\",\"size\":" + t.size() + ",\"durationMs\":" + t.durationMs()
                    + ",\"kind\":\"AUDIO\",\"url\":\"/agent/v1/media/" + t.sha() + "\"}");
        }
        return "{\"id\":\"" + id + "\",\"start\":" + start + ",\"end\":" + end + ",\"mode\":\"" + mode
                + "\",\"class\":\"" + clazz + "\",\"campaignId\":7,\"campaign\":\"Thử\",\"volume\":80,\"anchor\":"
                + anchor + ",\"items\":[" + String.join(",", its) + "]}";
    }

    /** Signs and installs a timeline of these entries, as if pulled from the controller. */
    void timeline(String... entries) throws Exception {
        long now = clock.now();
        byte[] body = ("{\"deviceId\":\"" + keys.deviceId() + "\",\"endpointId\":1,\"version\":\"v" + (++serial)
                + "\",\"serial\":" + serial + ",\"from\":" + (now - 3_600_000) + ",\"to\":" + (now + 3_600_000)
                + ",\"entries\":[" + String.join(",", entries) + "]}").getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(controller.getPrivate());
        s.update(body);
        store.accept(body, Base64.getEncoder().encodeToString(s.sign()));
    }

    Player start(Duration grace, Duration minJoin) {
        player = new Player(mpv, store, cache, played, spool, clock, faults, new MasterVolume(state),
                new PlaybackEvents() {
                    @Override
                    public void started(Segment seg, long actualStart, int volume) {
                        started.add(seg.entry().id());
                    }

                    @Override
                    public void ended(Segment seg) {
                    }
                }, new PlaybackSettings(grace, Duration.ofSeconds(3), minJoin));
        thread = new Thread(player, "player");
        thread.start();
        return player;
    }

    Player start() {
        return start(Duration.ofSeconds(30), Duration.ofSeconds(3));
    }

    List<Map<String, Object>> records() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SpooledRecord r : spool.oldest(1000)) {
            out.add(JSON.std.mapFrom(r.payload()));
        }
        return out;
    }

    List<Map<String, Object>> awaitRecords(int n, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (spool.count() < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(spool.count()).as("records spooled within " + timeoutMs + " ms: " + records()).isGreaterThanOrEqualTo(n);
        return records();
    }

    static long num(Map<String, Object> record, String field) {
        return ((Number) record.get(field)).longValue();
    }

    @Override
    public void close() throws Exception {
        if (player != null) {
            player.stop();
            thread.join(5_000);
        }
        mpv.close();
    }
}
