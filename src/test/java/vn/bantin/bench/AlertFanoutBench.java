package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SimulatedDevice;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Alert fan-out against a running controller (ops/bench/alerts): enrolls N simulated devices with
 * enrollment codes, opens N signed push streams, then times (a) a plain broadcast — a schedule change
 * with no alert (an area created) until every socket has its timeline-changed frame — and (b) an alert
 * targeting all N, from the POST until the last socket has its alert frame. Median of a few rounds.
 * Arguments: baseUrl adminToken audioFile count.
 */
public final class AlertFanoutBench {

    private static final int ROUNDS = 3;
    private static final long NONE = Long.MIN_VALUE;
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One simulated agent's socket and when it last received each kind of frame. */
    private static final class Agent {
        final AtomicLong lastTimelineChanged = new AtomicLong(NONE);
        final AtomicLong lastAlert = new AtomicLong(NONE);
        WebSocket socket;

        void received(String text) {
            long now = System.nanoTime();
            if (text.contains("\"alert\"")) {
                lastAlert.set(now);
            } else {
                lastTimelineChanged.set(now);
            }
        }
    }

    private AlertFanoutBench() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the simulated agents' threads would otherwise keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        String base = args[0];
        HttpApi api = new HttpApi(base, args[1]);
        Path audio = Path.of(args[2]);
        int count = Integer.parseInt(args[3]);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã thử tải")).json().getLong("id");
        long asset = api.approvedAsset(audio).getLong("id");

        long t0 = System.nanoTime();
        List<Future<SimulatedDevice>> enrolling = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            enrolling.add(pool.submit(() -> enroll(api, http, base, area, n)));
        }
        List<SimulatedDevice> devices = new ArrayList<>();
        for (Future<SimulatedDevice> f : enrolling) {
            devices.add(f.get(5, TimeUnit.MINUTES));
        }
        System.err.printf(Locale.ROOT, "enrolled %d devices in %d ms%n", count, ms(System.nanoTime() - t0));

        t0 = System.nanoTime();
        List<Agent> agents = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (SimulatedDevice device : devices) {
            Agent agent = new Agent();
            agents.add(agent);
            opening.add(device.stream(agent::received).thenApply(ws -> agent.socket = ws));
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        System.err.printf(Locale.ROOT, "opened %d push streams in %d ms%n", count, ms(System.nanoTime() - t0));

        long[] baseline = new long[ROUNDS];
        long[] fanout = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            reset(agents);
            long start = System.nanoTime();
            // baseline: an ordinary schedule change reaching the same 1,000 endpoints, pushed as timeline-changed
            java.time.LocalDate day = java.time.LocalDate.now().plusDays(1);
            api.post("/api/v1/campaigns", new JsonObject().put("name", "Bản tin " + round)
                    .put("startDate", day.toString()).put("endDate", day.toString())
                    .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                    .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE")
                            .put("at", new JsonArray().add(day + "T10:0" + round))))
                    .put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
            baseline[round] = lastArrival(agents, start, false);
            Thread.sleep(500);

            reset(agents);
            start = System.nanoTime();
            HttpApi.Answer created = api.post("/api/v1/alerts", new JsonObject().put("title", "Diễn tập " + round)
                    .put("audioAssetId", asset)
                    .put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
            if (created.status() != 201) {
                throw new IllegalStateException("alert refused: " + created.body());
            }
            fanout[round] = lastArrival(agents, start, true);
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "BENCH schedule.alert_fanout_baseline_ms %d ms%n", median(baseline));
        System.out.printf(Locale.ROOT, "BENCH schedule.alert_fanout_ms %d ms%n", median(fanout));
        System.err.println("rounds: baseline " + Arrays.toString(baseline) + ", alert " + Arrays.toString(fanout)
                + " (" + count + " sockets)");
        for (Agent agent : agents) {
            agent.socket.abort();
        }
        pool.shutdownNow();
        System.exit(0);
    }

    private static SimulatedDevice enroll(HttpApi api, HttpClient http, String base, long area, int n) throws Exception {
        long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa " + n).put("kind", "SPEAKER")
                .put("areaId", area)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
        SimulatedDevice device = new SimulatedDevice(http, base);
        device.enroll("SPEAKER", code);
        return device;
    }

    /** Milliseconds from {@code start} until every agent has received a frame of that kind after it. */
    private static long lastArrival(List<Agent> agents, long start, boolean alert) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            long last = Long.MIN_VALUE;
            boolean all = true;
            for (Agent a : agents) {
                long at = alert ? a.lastAlert.get() : a.lastTimelineChanged.get();
                if (at == NONE) {
                    all = false;
                    break;
                }
                last = Math.max(last, at);
            }
            if (all) {
                return ms(last - start);
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("not every agent received its push within " + WAIT);
    }

    private static void reset(List<Agent> agents) {
        for (Agent a : agents) {
            a.lastAlert.set(NONE);
            a.lastTimelineChanged.set(NONE);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
