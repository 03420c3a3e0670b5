package vn.bantin.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Seeds the demo through the public management API: a province, a commune and a hamlet, one LED
 * screen and one loudspeaker cluster with one-time enrollment codes, the demo media, and two
 * approved campaigns that play within the first minute. Does nothing if areas already exist.
 *
 * <p>Usage: DemoSeeder BASE_URL ADMIN_TOKEN MEDIA_DIR OUT_DIR — writes OUT_DIR/screen.code and
 * OUT_DIR/speaker.code for the two local agents.
 */
public final class DemoSeeder {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ApiClient api;
    private final Path mediaDir;
    private final Path outDir;

    private DemoSeeder(ApiClient api, Path mediaDir, Path outDir) {
        this.api = api;
        this.mediaDir = mediaDir;
        this.outDir = outDir;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DemoSeeder BASE_URL ADMIN_TOKEN MEDIA_DIR OUT_DIR");
            System.exit(2);
        }
        new DemoSeeder(new ApiClient(args[0], args[1]), Path.of(args[2]), Path.of(args[3])).seed();
    }

    private void seed() throws Exception {
        if (!api.getArray("/api/v1/areas").isEmpty()) {
            System.out.println("Demo data already present; reusing it.");
            return;
        }
        long province = area("Tỉnh Đồng Nai (demo)", null);
        long commune = area("Xã Bom Bo", province);
        long hamlet = area("Thôn Sơn Lang", commune);

        long screen = endpoint("Màn hình LED cổng UBND xã", "SCREEN", commune, "cong-xa");
        long speaker = endpoint("Cụm loa thôn Sơn Lang", "SPEAKER", hamlet, "loa-thon");
        writeCode(screen, "screen.code");
        writeCode(speaker, "speaker.code");

        long bulletin = approvedAsset("ban-tin-sang-nq57.mp3");
        long digitalLiteracy = approvedAsset("ban-tin-binh-dan-hoc-vu-so.mp3");
        long video = approvedAsset("video-nq57-10s.mp4");
        long infographic = approvedAsset("infographic-binh-dan-hoc-vu-so.png");

        LocalDate today = LocalDate.now(ZONE);
        // a first bulletin 40 s from now, so a newcomer hears one within the first minute
        LocalDateTime firstBulletin = LocalDateTime.now(ZONE).plusSeconds(40).truncatedTo(ChronoUnit.SECONDS);
        campaign(new JsonObject().put("name", "Bản tin Nghị quyết 57-NQ/TW").put("class", "PRIORITY")
                .put("topic", "Nghị quyết 57").put("volume", 85)
                .put("startDate", today.toString()).put("endDate", today.plusYears(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", bulletin))
                        .add(new JsonObject().put("assetId", digitalLiteracy)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "*/5 * * * *")
                        .put("at", new JsonArray().add(firstBulletin.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune))));
        campaign(new JsonObject().put("name", "Bình dân học vụ số — màn hình").put("topic", "Bình dân học vụ số")
                .put("startDate", today.toString()).put("endDate", today.plusYears(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", video))
                        .add(new JsonObject().put("assetId", infographic).put("durationSeconds", 8)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("cron", "0 0 * * *")
                        .put("windowMinutes", 1440)))
                .put("targets", new JsonObject().put("tags", new JsonArray().add("cong-xa"))));
        System.out.println("Demo data seeded: 3 areas, 2 endpoints, 4 assets, 2 campaigns.");
    }

    private long area(String name, Long parent) throws Exception {
        return api.post("/api/v1/areas", new JsonObject().put("name", name).put("parentId", parent)
                .put("zone", ZONE.getId())).getLong("id");
    }

    private long endpoint(String name, String kind, long areaId, String tag) throws Exception {
        return api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", kind)
                .put("areaId", areaId).put("tags", new JsonArray().add(tag))).getLong("id");
    }

    private void writeCode(long endpointId, String file) throws Exception {
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", new JsonObject())
                .getString("code");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(file), code, StandardCharsets.UTF_8);
    }

    private long approvedAsset(String file) throws Exception {
        long id = api.upload(mediaDir.resolve(file)).getLong("id");
        api.post("/api/v1/assets/" + id + "/approve", new JsonObject());
        return id;
    }

    private void campaign(JsonObject body) throws Exception {
        long id = api.post("/api/v1/campaigns", body).getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", new JsonObject());
    }
}
