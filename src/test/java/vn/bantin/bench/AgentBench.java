package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.LoopbackRelay;
import vn.bantin.support.TestCertificates;
import vn.bantin.support.TestController;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The agent's footprint and timing (ops/bench/agent): a real controller, three real agent processes with real
 * mpv (null outputs). Agents A and B share a speaker loop of 1 s items; D holds a week of 20,000 bulletins; C is an idle endpoint whose every byte
 * to the controller goes through a counting relay, with all its intervals (pull, heartbeat, push ping) 30
 * times shorter than the defaults, so a couple of minutes stand for an hour. Start offsets come from the play
 * records, whose starts are mpv's own position reports. Baseline: a bare JVM with the agent's JVM options.
 */
public final class AgentBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int SCALE = 30;
    private static final long PLAY_MS = 150_000;
    /**
     * The idle endpoint is counted over whole heartbeat intervals (3 x 1800/30 s): one heartbeat exchange is about
     * 1.6 KB, and a window of 3.3 intervals held 3 or 4 of them by chance. The exchanges over 1 KB are printed
     * beside the figure, so more of them than heartbeats shows traffic the endpoint was asked for.
     */
    private static final long IDLE_WINDOW_MS = 3 * 1800_000L / SCALE;
    private static final int TIMELINE_20K = 20_000;
    private static final int MAX_TIMES_PER_SLOT = 500;   // the campaign API's limit; 40 slots make the 20,000

    private AgentBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--sleep")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        try {
            run(Path.of(args[0]));
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path work) throws Exception {
        try (TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                work.resolve("controller").toString(), ConfigLoader.PUSH_PING_SECONDS, String.valueOf(270 / SCALE)))) {
            HttpApi api = controller.api();
            String fingerprint = TestController.controllerKeyFingerprint(controller.baseUrl());
            long speakers = area(api, "Xã Gia Viên");
            long quiet = area(api, "Xã Yên Tĩnh");
            long a = endpoint(api, "Loa A", speakers);
            long b = endpoint(api, "Loa B", speakers);
            long c = endpoint(api, "Loa C", quiet);
            long crowded = area(api, "Xã Hai Vạn");
            long d = endpoint(api, "Loa D", crowded);
            Map<String, String> defaults = Map.of("poll.seconds", "300");
            // the same idle endpoint against a controller serving HTTPS, counted on the wire with TLS records
            TestCertificates certificates = TestCertificates.make(work.resolve("pki"), "Bantin bench CA");
            SSLContext.setDefault(TestCertificates.trusting(certificates.caCert()));
            try (TestController tls = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                    work.resolve("controller-tls").toString(), ConfigLoader.PUSH_PING_SECONDS, String.valueOf(270 / SCALE),
                    ConfigLoader.TLS_CERT_FILE, certificates.serverCert().toString(),
                    ConfigLoader.TLS_KEY_FILE, certificates.serverKey().toString()));
                 LoopbackRelay tlsRelay = new LoopbackRelay(tls.port());
                 LoopbackRelay relay = new LoopbackRelay(controller.port());
                 Measured baseline = Measured.start(new ProcessBuilder(java(), "@" + jvmOptions(), "-cp",
                         System.getProperty("java.class.path"), AgentBench.class.getName(), "--sleep"));
                 AgentProcess agentA = agent(work, "a", controller.baseUrl(), fingerprint, code(api, a), defaults);
                 AgentProcess agentB = agent(work, "b", controller.baseUrl(), fingerprint, code(api, b), defaults);
                 AgentProcess agentC = agent(work, "c", relay.url(), fingerprint, code(api, c),
                         Map.of("poll.seconds", String.valueOf(300 / SCALE), "heartbeat.seconds",
                                 String.valueOf(1800 / SCALE)));
                 AgentProcess agentD = agent(work, "d", controller.baseUrl(), fingerprint, code(api, d), defaults);
                 AgentProcess agentE = agent(work, "e", "https://127.0.0.1:" + tlsRelay.port(),
                         TestController.controllerKeyFingerprint(tls.baseUrl()),
                         code(tls.api(), endpoint(tls.api(), "Loa E", area(tls.api(), "Xã Bảo Mật"))),
                         Map.of("poll.seconds", String.valueOf(300 / SCALE), "heartbeat.seconds",
                                 String.valueOf(1800 / SCALE), "controller.ca.file", certificates.caCert().toString()))) {
                for (long id : List.of(a, b, c, d)) {
                    await(() -> api.get("/api/v1/endpoints/" + id).json().getLong("lastSeenAt") != null, 60_000);
                }
                await(() -> tls.api().get("/api/v1/endpoints").array().getJsonObject(0).getLong("lastSeenAt") != null,
                        60_000);
                Thread.sleep(10_000);
                long idleFrom = System.currentTimeMillis();
                long idleBytesFrom = relay.bytes();
                long tlsBytesFrom = tlsRelay.bytes();
                BurstCounter bursts = BurstCounter.start(relay::bytes, 1_000);
                ProcessCpu cpuA = ProcessCpu.of(agentA.pid());
                ProcessCpu cpuBase = ProcessCpu.of(baseline.pid());
                Thread.sleep(30_000);
                bench("agent.rss_idle_mb", rssMb(agentA.pid()), "MB", "baseline bare JVM " + fmt(rssMb(baseline.pid())) + " MB");
                bench("agent.cpu_idle_pct", cpuA.percentSince(), "%", "baseline bare JVM " + fmt(cpuBase.percentSince()) + " %");

                long first = api.approvedAsset(Ffmpeg.tone(work, "muc-1.wav", 1)).getLong("id");
                long second = api.approvedAsset(Ffmpeg.tone(work, "muc-2.wav", 1)).getLong("id");
                LocalDateTime loopStart = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(15);
                long campaign = loop(api, speakers, List.of(first, second), loopStart);
                long bulky = api.approvedAsset(Ffmpeg.tone(work, "dai.wav", 20)).getLong("id");
                onceEvery(api, crowded, bulky, loopStart, TIMELINE_20K, 30);
                long loopStartMs = loopStart.atZone(ZONE).toInstant().toEpochMilli();
                Thread.sleep(Math.max(0, loopStartMs + PLAY_MS / 2 - System.currentTimeMillis()));
                bench("agent.rss_playing_mb", rssMb(agentA.pid()), "MB", "mpv beside it " + fmt(childRssMb(agentA.pid())) + " MB");
                await(() -> agentD.status().getValue("nowPlaying") != null || !agentD.alive(), 60_000);
                if (!agentD.alive()) {
                    throw new IllegalStateException("the agent with " + TIMELINE_20K + " entries died: " + agentD.log());
                }
                bench("agent.rss_playing_20k_mb", rssMb(agentD.pid()), "MB", TIMELINE_20K + " ONCE entries in 7 days,"
                        + " timeline " + Files.size(work.resolve("agent-d/state/timeline.signed")) / 1024 + " KiB; mpv beside it "
                        + fmt(childRssMb(agentD.pid())) + " MB");
                Thread.sleep(Math.max(0, idleFrom + IDLE_WINDOW_MS - System.currentTimeMillis()));
                long idleBytes = relay.bytes() - idleBytesFrom;
                long tlsIdleBytes = tlsRelay.bytes() - tlsBytesFrom;
                int heartbeats = bursts.stop();
                double idleSeconds = (System.currentTimeMillis() - idleFrom) / 1000.0;
                Thread.sleep(Math.max(0, loopStartMs + PLAY_MS - System.currentTimeMillis()));

                offsets(plays(api, campaign), a, b, loopStartMs + 3_000);
                bootToPlay(api, agentA, a, campaign);
                double perDay = idleBytes / idleSeconds * 86_400 / SCALE;
                bench("agent.control_bytes_per_day", perDay, "bytes", String.format(Locale.ROOT,
                        "%d bytes in %.0f s (%d heartbeat intervals, %d exchanges over 1 KB seen) at 1/%d intervals;"
                        + " %.2f MB a month; plain HTTP (no TLS)", idleBytes, idleSeconds, IDLE_WINDOW_MS * SCALE / 1800_000L,
                        heartbeats, SCALE, perDay * 30 / 1e6));
                double tlsPerDay = tlsIdleBytes / idleSeconds * 86_400 / SCALE;
                bench("agent.control_bytes_per_day_tls", tlsPerDay, "bytes", String.format(Locale.ROOT,
                        "%d bytes in the same %.0f s, HTTPS and WSS with TLS records and handshakes counted on the wire;"
                        + " %.2f MB a month", tlsIdleBytes, idleSeconds, tlsPerDay * 30 / 1e6));
            }
        }
    }

    /** Each agent's start minus the scheduled start, and the two agents' starts of the same item against each other. */
    private static void offsets(List<JsonObject> plays, long a, long b, long from) {
        Map<Long, Long> startA = new HashMap<>();
        Map<Long, Long> startB = new HashMap<>();
        List<Long> offsets = new ArrayList<>();
        for (JsonObject p : plays) {
            Long actual = p.getLong("actualStart");
            long scheduled = p.getLong("scheduledStart");
            if (actual == null || scheduled < from) {
                continue;
            }
            offsets.add(Math.abs(actual - scheduled));
            (p.getLong("endpointId") == a ? startA : startB).put(scheduled, actual);
        }
        List<Long> pairs = new ArrayList<>();
        startA.forEach((scheduled, actual) -> {
            Long other = startB.get(scheduled);
            if (other != null) {
                pairs.add(Math.abs(actual - other));
            }
        });
        offsets.sort(Long::compare);
        pairs.sort(Long::compare);
        String n = offsets.size() + " starts of back-to-back 1 s loop items, 2 agents";
        bench("agent.start_offset_p50_ms", pct(offsets, 0.50), "ms", n);
        bench("agent.start_offset_p99_ms", pct(offsets, 0.99), "ms", n);
        bench("agent.start_offset_max_ms", offsets.isEmpty() ? -1 : offsets.get(offsets.size() - 1), "ms", n);
        bench("agent.sync_two_agents_p99_ms", pct(pairs, 0.99), "ms", pairs.size() + " items started by both");
        bench("agent.sync_two_agents_max_ms", pairs.isEmpty() ? -1 : pairs.get(pairs.size() - 1), "ms",
                pairs.size() + " items started by both");
    }

    /** kill -9 while the loop runs, start again on the cached timeline: process start to mpv's first start. */
    private static void bootToPlay(HttpApi api, AgentProcess agent, long endpoint, long campaign) throws Exception {
        agent.kill();
        long startedAt = System.currentTimeMillis();
        agent.start();
        long[] first = {-1};
        await(() -> {
            for (JsonObject p : plays(api, campaign)) {
                Long s = p.getLong("actualStart");
                if (p.getLong("endpointId") == endpoint && s != null && s > startedAt) {
                    first[0] = first[0] < 0 ? s : Math.min(first[0], s);
                }
            }
            return first[0] > 0;
        }, 60_000);
        bench("agent.boot_to_play_ms", first[0] - startedAt, "ms", "JVM start included; cached timeline, 1 s items");
    }

    private static List<JsonObject> plays(HttpApi api, long campaign) {
        List<JsonObject> out = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonArray page = api.get("/api/v1/plays?limit=1000&offset=" + offset).array();
            page.stream().map(o -> (JsonObject) o).filter(p -> Long.valueOf(campaign).equals(p.getLong("campaignId")))
                    .forEach(out::add);
            if (page.size() < 1000) {
                return out;
            }
        }
    }

    private static long area(HttpApi api, String name) {
        return api.post("/api/v1/areas", new JsonObject().put("name", name).put("zone", ZONE.getId())).json().getLong("id");
    }

    private static long endpoint(HttpApi api, String name, long area) {
        return api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
    }

    private static String code(HttpApi api, long endpoint) {
        return api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
    }

    private static AgentProcess agent(Path work, String name, String url, String fingerprint, String code,
                                      Map<String, String> more) throws IOException {
        return AgentProcess.configure(Files.createDirectories(work.resolve("agent-" + name)), url, fingerprint,
                "SPEAKER", code, more).start();
    }

    private static long loop(HttpApi api, long area, List<Long> assets, LocalDateTime start) {
        JsonArray playlist = new JsonArray();
        assets.forEach(id -> playlist.add(new JsonObject().put("assetId", id)));
        LocalDate today = LocalDate.now(ZONE);
        long id = api.post("/api/v1/campaigns", new JsonObject().put("name", "Vòng phát đo đồng bộ")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", playlist)
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("windowMinutes", 4)
                        .put("at", new JsonArray().add(start.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area)))).json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        return id;
    }

    /** One ONCE bulletin at {@code count} times {@code everySeconds} apart from {@code start}: a crowded week. */
    private static void onceEvery(HttpApi api, long area, long asset, LocalDateTime start, int count, int everySeconds) {
        JsonArray slots = new JsonArray();
        for (int i = 0; i < count; i++) {
            if (i % MAX_TIMES_PER_SLOT == 0) {
                slots.add(new JsonObject().put("mode", "ONCE").put("at", new JsonArray()));
            }
            slots.getJsonObject(slots.size() - 1).getJsonArray("at").add(start.plusSeconds((long) i * everySeconds).toString());
        }
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", "Tuần dày đặc")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(8).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", slots)
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
        if (created.status() != 201) {
            throw new IllegalStateException("the crowded campaign was refused: " + created.body());
        }
        api.post("/api/v1/campaigns/" + created.json().getLong("id") + "/approve", "{}");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition c, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!c.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("bench: condition not reached in " + timeoutMs + " ms");
            }
            Thread.sleep(200);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
    }

    static double rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return -1;
    }

    private static double childRssMb(long pid) throws IOException {
        double sum = 0;
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
            sum += rssMb(child.pid());
        }
        return sum;
    }

    private static void bench(String name, double value, String unit, String beside) {
        System.out.println("BENCH " + name + " " + fmt(value) + " " + unit + "   (" + beside + ")");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jvmOptions() {
        return AgentProcess.jar().toAbsolutePath().getParent().getParent().resolve("jvm.options");
    }

    /** Counts the quarter-seconds in which a byte counter grew by at least {@code threshold}: heartbeats, not pings. */
    private static final class BurstCounter {
        private final Thread thread;
        private volatile boolean running = true;
        private int bursts;

        private BurstCounter(java.util.function.LongSupplier bytes, long threshold) {
            thread = new Thread(() -> {
                long last = bytes.getAsLong();
                while (running) {
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                    long now = bytes.getAsLong();
                    if (now - last >= threshold) {
                        bursts++;
                    }
                    last = now;
                }
            }, "burst-counter");
            thread.setDaemon(true);
        }

        static BurstCounter start(java.util.function.LongSupplier bytes, long threshold) {
            BurstCounter c = new BurstCounter(bytes, threshold);
            c.thread.start();
            return c;
        }

        int stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
            return bursts;
        }
    }

    /** A process measured beside the agents, stopped at the end. */
    private record Measured(Process process) implements AutoCloseable {
        static Measured start(ProcessBuilder pb) throws IOException {
            return new Measured(pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }

        long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
