package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.config.ConfigLoader;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Icecast;
import vn.bantin.support.StationFeed;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * live.relay_recover_ms: a real controller, a real agent with mpv (null outputs) relaying a real Icecast2 mount fed by
 * ffmpeg in a one-minute scheduled window; the station is cut and restored three times. Recovery = from the moment
 * the mount is fed again to the agent's first audio of the stream (its record's gap end, taken from mpv's time-pos
 * reports). Beside it: the first connect (window start to first audio) and how long an outage takes to be noticed.
 */
public final class RelayBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String MOUNT = "/tinh.mp3";

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
        try (IcecastServer icecast = Icecast.start(work);
             StationFeed station = StationFeed.tone(icecast, MOUNT, 440, StationFeed.Codec.MP3);
             TestController controller = TestController.start(Map.of(ConfigLoader.DATA_DIR,
                     work.resolve("controller").toString()))) {
            HttpApi api = controller.api();
            long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên").put("zone", ZONE.getId()))
                    .json().getLong("id");
            long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa 1").put("kind", "SPEAKER")
                    .put("areaId", area)).json().getLong("id");
            String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
            JsonObject filler = api.approvedAsset(Ffmpeg.tone(Files.createDirectories(work.resolve("media")),
                    "nhac-cho.wav", 3));
            long source = api.post("/api/v1/sources", new JsonObject().put("name", "Đài tỉnh").put("url", station.url())
                    .put("fallbackAssetId", filler.getLong("id"))).json().getLong("id");
            try (AgentProcess agent = AgentProcess.configure(work.resolve("agent"), controller.baseUrl(), "SPEAKER", code)
                    .start()) {
                await(30_000, () -> api.get("/api/v1/endpoints/" + endpoint).json().getLong("lastSeenAt") != null);
                LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(12);
                long campaign = campaign(api, area, source, start);
                long windowStart = start.atZone(ZONE).toInstant().toEpochMilli();
                long windowEnd = windowStart + 60_000;
                List<long[]> cuts = new ArrayList<>();
                await(30_000, () -> System.currentTimeMillis() > windowStart);
                while (System.currentTimeMillis() < windowEnd - 20_000) {
                    awaitRelaying(icecast);
                    Thread.sleep(3_000);
                    long cutAt = System.currentTimeMillis();
                    station.cut();
                    Thread.sleep(5_000);
                    station.restore();
                    cuts.add(new long[] {cutAt, System.currentTimeMillis()});
                }
                JsonObject play = await(windowEnd + 30_000 - System.currentTimeMillis(), () -> plays(api, campaign));
                agent.log().lines().filter(l -> l.contains("relay")).forEach(System.err::println);
                report(new JsonObject(play.getString("payload")), cuts, windowStart);
            }
        }
    }

    private static void report(JsonObject record, List<long[]> cuts, long windowStart) {
        JsonArray gaps = record.getJsonArray("gaps");
        if (gaps.size() != cuts.size()) {
            throw new IllegalStateException(cuts.size() + " cuts " + cuts.stream().map(c -> c[0] + "→" + c[1]).toList()
                    + " but the record says " + record.encode());
        }
        List<Long> recover = new ArrayList<>();
        List<Long> detect = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) {
            JsonObject gap = gaps.getJsonObject(i);
            recover.add(gap.getLong("to") - cuts.get(i)[1]);
            detect.add(gap.getLong("from") - cuts.get(i)[0]);
        }
        recover.sort(Long::compare);
        detect.sort(Long::compare);
        String load = loadAverage();
        System.out.println("BENCH live.relay_recover_ms " + recover.get(recover.size() / 2) + " ms (median of "
                + recover.size() + " cuts " + recover + ", load " + load + ")");
        System.out.println("BENCH live.relay_recover_max_ms " + recover.get(recover.size() - 1) + " ms");
        System.out.println("BENCH live.relay_first_connect_ms " + (record.getLong("actualStart") - windowStart)
                + " ms (baseline: window start to first audio of the stream)");
        System.out.println("BENCH live.relay_outage_noticed_ms " + detect.get(detect.size() / 2)
                + " ms (median, feed killed to the gap's start as the record states it) " + detect);
        System.out.println("BENCH live.relay_on_air_share " + String.format(java.util.Locale.ROOT, "%.3f",
                (double) record.getLong("onAirMs") / (record.getLong("actualEnd") - record.getLong("actualStart")))
                + " ratio (outcome " + record.getString("outcome") + ")");
    }

    private static long campaign(HttpApi api, long area, long source, LocalDateTime start) {
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", "Tiếp sóng Đài tỉnh")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray())
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "STREAM").put("sourceId", source)
                        .put("windowMinutes", 1).put("at", new JsonArray().add(start.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area))));
        if (created.status() != 201) {
            throw new IllegalStateException(created.body());
        }
        long id = created.json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        return id;
    }

    private static JsonObject plays(HttpApi api, long campaign) {
        return api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> Long.valueOf(campaign).equals(p.getLong("campaignId"))).findFirst().orElse(null);
    }

    /** The agent's mpv listens: one listener for 1.5 s on end (the agent's probes are short-lived listeners too). */
    private static void awaitRelaying(IcecastServer icecast) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        long since = -1;
        while (System.currentTimeMillis() < deadline) {
            boolean one = listeners(icecast) == 1;
            since = one ? (since < 0 ? System.currentTimeMillis() : since) : -1;
            if (since > 0 && System.currentTimeMillis() - since >= 1_500) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the agent did not come back to the stream within 30 s");
    }

    private static int listeners(IcecastServer icecast) {
        try {
            return icecast.listeners(MOUNT);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static void await(long ms, BooleanSupplier condition) throws Exception {
        await(ms, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    private static <T> T await(long ms, Probe<T> probe) throws Exception {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not within " + ms + " ms");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
