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
 * approved campaigns that play within the first minute, and one person per role with a generated password
 * printed once on the terminal. Does nothing if areas already exist.
 *
 * <p>Usage: DemoSeeder BASE_URL ADMIN_TOKEN_FILE MEDIA_DIR OUT_DIR — the admin token is read from a file so
 * it is in no command line; writes OUT_DIR/screen.code and OUT_DIR/speaker.code for the two local agents.
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
            System.err.println("usage: DemoSeeder BASE_URL ADMIN_TOKEN_FILE MEDIA_DIR OUT_DIR");
            System.exit(2);
        }
        String token = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
        new DemoSeeder(new ApiClient(args[0], token), Path.of(args[2]), Path.of(args[3])).seed();
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
        people(province, commune);
    }

    /** One person per role, passwords made by the controller and shown here once (never written to a file). */
    private void people(long province, long commune) throws Exception {
        String[][] people = {
            {"tinh.admin", "Quản trị tỉnh (demo)", "ADMIN", String.valueOf(province)},
            {"xa.editor", "Cán bộ văn hóa xã (demo)", "EDITOR", String.valueOf(commune)},
            {"xa.approver", "Lãnh đạo xã duyệt tin (demo)", "APPROVER", String.valueOf(commune)},
            {"xa.operator", "Nhân viên đài truyền thanh xã (demo)", "OPERATOR", String.valueOf(commune)},
            {"xa.viewer", "Người xem báo cáo (demo)", "VIEWER", String.valueOf(commune)},
        };
        StringBuilder table = new StringBuilder("\nDemo sign-ins (shown once; an admin can reset them):\n");
        for (String[] p : people) {
            JsonObject made = api.post("/api/v1/users", new JsonObject().put("username", p[0]).put("displayName", p[1])
                    .put("role", p[2]).put("areaId", Long.parseLong(p[3])));
            table.append(String.format("  %-9s %-12s password %s   %s%n", p[2], p[0], made.getString("password"), p[1]));
        }
        System.out.println(table);
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
        JsonObject issued = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", new JsonObject());
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve(file), issued.getString("code"), StandardCharsets.UTF_8);
        // what the installer text gives a real agent: it checks the controller key against this before pinning it
        Files.writeString(outDir.resolve("controller.fingerprint"), issued.getString("controllerKeyFingerprint"),
                StandardCharsets.UTF_8);
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
