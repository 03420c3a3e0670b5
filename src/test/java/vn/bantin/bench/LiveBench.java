package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.security.ControllerKeyFile;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.ControllerProcess;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.MpvWatch;
import vn.bantin.support.SignedAgent;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Live microphone figures (issue 11 §4, §6): a controller process with its own Icecast2, a microphone client sending
 * WebM/Opus in real time in 100 ms pieces like the page (clicks once a second, ffmpeg -re: its start is the capture
 * clock, so the encoder's start-up counts against the figure), and two FULL agents
 * (their own JVMs and mpv, null audio output) in the session's area, the second one powered up 3 s after the first
 * plays: each aligns its playout to the stream's timestamps; an observer on each agent's mpv IPC socket reads what
 * it plays. The baseline: two bare mpv players (the agent's low-latency options, no alignment) joined the same way.
 * Then 100 listeners on the mount and the controller's CPU (JVM + its ffmpeg) against the same controller idle.
 */
public final class LiveBench {

    private static final String TOKEN = "bench-live-admin-token-0123456789";
    private static final long SAMPLE_MS = 15_000;
    private static final int LISTENERS = 100;
    /** The agent's PlayoutAlignment.DEFAULT_DELAY_MS (the probe uses it). */
    private static final long DELAY_MS = 1500;

    public static void main(String[] args) throws Exception {
        try {
            run(Path.of(args[0]));
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Path work) throws Exception {
        ControllerProcess controller = ControllerProcess.configure(work, TOKEN);
        try (controller) {
            controller.start();
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Bình Sơn")).json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa thôn 1")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id");
            SignedAgent agent = new SignedAgent(controller.baseUrl());
            agent.enroll("SPEAKER", code(api, endpoint));
            long pid = pid();
            ProcessCpu idle = ProcessCpu.of(pid);
            Thread.sleep(SAMPLE_MS);
            double idlePct = idle.percentSince();

            String fingerprint = Ed25519Keys.fingerprint(ControllerKeyFile.loadOrCreate(work.resolve("data"))
                    .publicKey());
            String codeA = code(api, api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa thôn 2")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id"));
            String codeB = code(api, api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa thôn 3")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id"));
            java.util.Map<String, String> intervals = java.util.Map.of("poll.seconds", "1", "heartbeat.seconds", "1");
            try (AgentProcess a = AgentProcess.configure(work.resolve("agent-a"), controller.baseUrl(), fingerprint,
                    "SPEAKER", codeA, intervals).start();
                 AgentProcess b = AgentProcess.configure(work.resolve("agent-b"), controller.baseUrl(), fingerprint,
                         "SPEAKER", codeB, intervals).start()) {
                await(60_000, () -> a.log().contains("push stream open") && b.log().contains("push stream open"));
                b.close(); // enrolled (the session reaches it), then off until 3 s into the session

                Path clicks = work.resolve("clicks.wav");
                run("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                        "aevalsrc='if(lt(mod(t\\,1)\\,0.02)\\,sin(2*PI*1000*t)\\,0)':s=48000:d=75", clicks.toString());
                long session = api.post("/api/v1/live-sessions", new JsonObject().put("title", "Đo độ trễ")
                        .put("broadcastClass", "EMERGENCY").put("targets", new JsonObject()
                                .put("areaIds", new JsonArray().add(area)))).json().getLong("id");
                try (Microphone mic = Microphone.open(controller.baseUrl(), TOKEN, session)) {
                    long[] captureStart = new long[1];
                    Thread speaking = new Thread(() -> {
                        try {
                            captureStart[0] = System.currentTimeMillis();
                            mic.speak(clicks);
                        } catch (Exception e) {
                            // the microphone is ended while it still speaks: the measurement is over
                        }
                    });
                    speaking.setDaemon(true);
                    speaking.start();
                    JsonObject stream = streamOf(agent, session);
                    String url = stream.getString("url");
                    long epoch = stream.getLong("epochMs");
                    measurePlayout(work, a, b, url, epoch, captureStart, mic);
                    measureCpu(pid, url, idlePct);
                    mic.end();
                }
            }
        }
    }

    private static String code(HttpApi api, long endpoint) {
        return api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
    }

    private static void measurePlayout(Path work, AgentProcess agentA, AgentProcess agentB, String url, long epoch,
                                       long[] captureStart, Microphone mic) throws Exception {
        try (MpvWatch a = playing(agentA); Speaker c = Speaker.start(work, url, epoch, false)) {
            Thread.sleep(3000);
            agentB.start();
            try (MpvWatch b = playing(agentB); Speaker d = Speaker.start(work, url, epoch, false)) {
                Thread.sleep(6000);
                List<Double> aligned = new ArrayList<>();
                List<Double> unaligned = new ArrayList<>();
                List<Double> mouthToSpeaker = new ArrayList<>();
                List<Double> unalignedLatency = new ArrayList<>();
                long until = System.currentTimeMillis() + SAMPLE_MS;
                while (System.currentTimeMillis() < until) {
                    MpvWatch.Sample sa = a.sample();
                    MpvWatch.Sample sb = b.sample();
                    if (sa == null || sb == null) {
                        throw new IllegalStateException("an agent stopped playing the live stream:\n" + agentA.log()
                                + "\n" + agentB.log());
                    }
                    double la = sa.lagMs(captureStart[0]);
                    double lb = sb.lagMs(captureStart[0]);
                    double lc = c.lag(captureStart[0]);
                    double ld = d.lag(captureStart[0]);
                    aligned.add(Math.abs(la - lb));
                    unaligned.add(Math.abs(lc - ld));
                    mouthToSpeaker.addAll(List.of(la, lb));
                    unalignedLatency.addAll(List.of(lc, ld));
                    Thread.sleep(100);
                }
                double p50 = percentile(mouthToSpeaker, 50);
                // where it goes: the encoder's start and first piece, the piece reaching the controller (the
                // session's epoch, same machine clock), the agents' fixed playout delay, what is left to the agents
                long firstPiece = mic.firstPieceAt() - captureStart[0];
                long toEpoch = epoch - mic.firstPieceAt();
                bench("live.mic_to_speaker_ms", p50, "ms", "p99 "
                        + fmt(percentile(mouthToSpeaker, 99)) + " ms, two full agents aligned with a " + DELAY_MS
                        + " ms playout delay; parts of p50: encoder start to first piece " + firstPiece
                        + " ms, piece to controller epoch " + toEpoch + " ms, playout delay " + DELAY_MS
                        + " ms, agents off target " + fmt(p50 - firstPiece - toEpoch - DELAY_MS)
                        + " ms; baseline bare mpv unaligned p50 " + fmt(percentile(unalignedLatency, 50))
                        + " ms; capture = mic encoder clock, speaker = the agent's mpv time-pos, --ao=null");
                bench("live.agent_offset_p99_ms", percentile(aligned, 99), "ms", "two full agents, the second"
                        + " powered up 3 s into the session, p50 " + fmt(percentile(aligned, 50)) + " ms; baseline two"
                        + " bare mpv unaligned joined the same way: p99 " + fmt(percentile(unaligned, 99)) + " ms");
            }
        }
    }

    /** An observer on the agent's mpv once it plays the live stream (it has a position). */
    private static MpvWatch playing(AgentProcess agent) throws Exception {
        long until = System.currentTimeMillis() + 40_000;
        while (System.currentTimeMillis() < until) {
            JsonObject now = agent.status().getJsonObject("nowPlaying");
            if (now != null && "STREAM".equals(now.getString("mode"))) {
                MpvWatch w = MpvWatch.connect(agent.mpvSocket());
                if (w.sample() != null) {
                    return w;
                }
                w.close();
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent does not play the live stream:\n" + agent.log());
    }

    private static void await(long ms, java.util.concurrent.Callable<Boolean> done) throws Exception {
        long until = System.currentTimeMillis() + ms;
        while (!done.call()) {
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static void measureCpu(long pid, String url, double idlePct) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<InputStream> listeners = new CopyOnWriteArrayList<>();
        for (int i = 0; i < LISTENERS; i++) {
            client.sendAsync(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream())
                    .thenAccept(r -> {
                        listeners.add(r.body());
                        Thread drain = new Thread(() -> drain(r.body()));
                        drain.setDaemon(true);
                        drain.start();
                    });
        }
        Thread.sleep(3000);
        long ffmpeg = ProcessHandle.of(pid).orElseThrow().descendants()
                .filter(h -> h.info().command().orElse("").endsWith("ffmpeg")).findFirst().orElseThrow().pid();
        ProcessCpu jvm = ProcessCpu.of(pid);
        ProcessCpu transcoder = ProcessCpu.of(ffmpeg);
        Thread.sleep(SAMPLE_MS);
        double stream = jvm.percentSince() + transcoder.percentSince();
        bench("live.controller_cpu_pct_per_stream", stream - idlePct, "% of a core", "controller JVM + ffmpeg "
                + fmt(stream) + " % with " + listeners.size() + " listeners on Icecast, minus the same controller idle "
                + fmt(idlePct) + " %");
        for (InputStream in : listeners) {
            in.close();
        }
    }

    private static void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try (in) {
            while (in.read(buf) >= 0) {
                // a listener only takes the bytes
            }
        } catch (java.io.IOException ignored) {
            // closed at the end of the measurement
        }
    }

    private static JsonObject streamOf(SignedAgent agent, long session) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            for (Object e : agent.get("/agent/v1/timeline").json().getJsonArray("entries")) {
                JsonObject stream = ((JsonObject) e).getJsonObject("stream");
                if (stream != null && stream.getLong("liveSessionId") == session) {
                    return stream;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no STREAM entry for session " + session);
    }

    /** A loudspeaker's player: the agent's LiveSpeakerProbe (real mpv), reporting wall time and time-pos. */
    private static final class Speaker implements AutoCloseable {
        private final Process process;
        private volatile long wall;
        private volatile double pos = Double.NaN;

        private Speaker(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        static Speaker start(Path work, String url, long epoch, boolean aligned) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Speaker s = new Speaker(new ProcessBuilder(java, "-cp", "players/agent/target/bantin-agent.jar:"
                    + "players/agent/target/test-classes", "vn.bantin.agent.bench.LiveSpeakerProbe", work.toString(),
                    url, String.valueOf(epoch), String.valueOf(aligned))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            long until = System.currentTimeMillis() + 20_000;
            while (Double.isNaN(s.pos) && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            return s;
        }

        private void read() {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()))) {
                for (String line; (line = in.readLine()) != null; ) {
                    String[] f = line.split(" ");
                    wall = Long.parseLong(f[0]);
                    pos = Double.parseDouble(f[1]);
                }
            } catch (java.io.IOException ignored) {
                // the probe was stopped
            }
        }

        /** Capture (mic clock) to playout, from the last report: when it was taken minus the sample then playing. */
        double lag(long captureStart) {
            return wall - captureStart - pos * 1000;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static long pid() {
        return ProcessHandle.current().children().filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow().pid();
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void bench(String name, double value, String unit, String beside) {
        System.out.println("BENCH " + name + " " + fmt(value) + " " + unit + "   (" + beside + ")");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
