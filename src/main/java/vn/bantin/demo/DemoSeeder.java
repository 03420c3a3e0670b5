package vn.bantin.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seeds the demo through the public management API: a province, a commune and a hamlet, one LED
 * screen and one loudspeaker cluster with one-time enrollment codes, the demo media, two approved campaigns that
 * play within the first minute, with a stand-in station ({@link DemoStation}) a relay source and an approved relay
 * of it within two minutes, and one person per role with a generated password printed once on the terminal. Does
 * nothing if areas already exist.
 *
 * <p>Usage: DemoSeeder BASE_URL ADMIN_TOKEN_FILE MEDIA_DIR OUT_DIR [--new-passwords] [--station-url URL] — the
 * admin token is read from a file so it is in no command line; writes OUT_DIR/screen.code and OUT_DIR/speaker.code
 * for the two local agents.
 */
public final class DemoSeeder {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ApiClient api;
    private final Path mediaDir;
    private final Path outDir;
    private final String stationUrl;

    private DemoSeeder(ApiClient api, Path mediaDir, Path outDir, String stationUrl) {
        this.api = api;
        this.mediaDir = mediaDir;
        this.outDir = outDir;
        this.stationUrl = stationUrl;
    }

    public static void main(String[] args) throws Exception {
        boolean newPasswords = false;
        String stationUrl = null;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--new-passwords")) {
                newPasswords = true;
            } else if (args[i].equals("--station-url") && i + 1 < args.length) {
                stationUrl = args[++i];
            } else {
                args = new String[0];
            }
        }
        if (args.length < 4) {
            System.err.println("usage: DemoSeeder BASE_URL ADMIN_TOKEN_FILE MEDIA_DIR OUT_DIR [--new-passwords]"
                    + " [--station-url URL]");
            System.exit(2);
        }
        String token = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8).strip();
        new DemoSeeder(ApiClient.withToken(args[0], token), Path.of(args[2]), Path.of(args[3]), stationUrl)
                .seed(newPasswords);
    }

    private void seed(boolean newPasswords) throws Exception {
        if (!api.getArray("/api/v1/areas").isEmpty()) {
            System.out.println("Demo data already present; reusing it.");
            if (newPasswords) {
                newPasswords();
            } else {
                System.out.println("The demo sign-ins were printed at the first start; NEW_PASSWORDS=1 ops/demo.sh"
                        + " prints new passwords for them.");
            }
            return;
        }
        long province = area("Tỉnh Đồng Nai (demo)", null);
        long commune = area("Xã Bom Bo", province);
        long hamlet = area("Thôn Sơn Lang", commune);

        long screen = endpoint("Màn hình LED cổng UBND xã", "SCREEN", commune, "cong-xa");
        long speaker = endpoint("Cụm loa thôn Sơn Lang", "SPEAKER", hamlet, "loa-thon");
        writeCode(screen, "screen.code");
        writeCode(speaker, "speaker.code");

        Map<String, String> passwords = people(province, commune);
        // the commune's own staff make and approve the content, so it belongs to the commune (and the province
        // above it) and its history names them: the editor submits, the approver approves
        ApiClient editor = api.signedIn("xa.editor", passwords.get("xa.editor"));
        ApiClient approver = api.signedIn("xa.approver", passwords.get("xa.approver"));
        long bulletin = approvedAsset(editor, approver, "ban-tin-sang-nq57.mp3");
        long digitalLiteracy = approvedAsset(editor, approver, "ban-tin-binh-dan-hoc-vu-so.mp3");
        long video = approvedAsset(editor, approver, "video-nq57-10s.mp4");
        long infographic = approvedAsset(editor, approver, "infographic-binh-dan-hoc-vu-so.png");

        LocalDate today = LocalDate.now(ZONE);
        // a first bulletin within the first minute, so a newcomer hears one soon; the plan keeps every relay window
        // clear of the 5-minute bulletins
        DemoPlan plan = DemoPlan.at(LocalDateTime.now(ZONE));
        campaign(editor, approver, new JsonObject().put("name", "Bản tin Nghị quyết 57-NQ/TW").put("class", "PRIORITY")
                .put("topic", "Nghị quyết 57").put("volume", 85)
                .put("startDate", today.toString()).put("endDate", today.plusYears(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", bulletin))
                        .add(new JsonObject().put("assetId", digitalLiteracy)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", plan.bulletinCron())
                        .put("at", new JsonArray().add(plan.firstBulletin().toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune))));
        System.out.println("Bulletins: on the loudspeaker at " + plan.firstBulletin().toLocalTime()
                + ", then every 5 minutes from " + plan.bulletinMinute() + ".");
        campaign(editor, approver, new JsonObject().put("name", "Bình dân học vụ số — màn hình").put("topic", "Bình dân học vụ số")
                .put("startDate", today.toString()).put("endDate", today.plusYears(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", video))
                        .add(new JsonObject().put("assetId", infographic).put("durationSeconds", 8)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("cron", "0 0 * * *")
                        .put("windowMinutes", 1440)))
                .put("targets", new JsonObject().put("tags", new JsonArray().add("cong-xa"))));
        boolean relay = stationUrl != null;
        if (relay) {
            relay(editor, approver, hamlet, plan);
        } else {
            System.out.println("No stand-in provincial station: no relay source or relay campaign seeded.");
        }
        System.out.println("Demo data seeded: 3 areas, 2 endpoints, 4 assets" + (relay ? ", 1 relay source" : "")
                + " and " + (relay ? 3 : 2) + " campaigns (made by xa.editor, approved by xa.approver).");
    }

    /**
     * The stand-in provincial station as a relay source, relayed on the hamlet's loudspeakers for 3 minutes soon
     * after seeding, then hourly (between two bulletins, see {@link DemoPlan}); silence if the station drops.
     */
    private void relay(ApiClient editor, ApiClient approver, long hamlet, DemoPlan plan) throws Exception {
        long source = editor.post("/api/v1/sources", new JsonObject().put("name", DemoStation.NAME)
                .put("url", stationUrl).put("description", "Đài tỉnh mô phỏng do ops/demo.sh chạy trên máy này"))
                .getLong("id");
        LocalDate today = LocalDate.now(ZONE);
        campaign(editor, approver, new JsonObject().put("name", "Tiếp sóng Đài tỉnh").put("topic", "Tiếp sóng")
                .put("volume", 80).put("startDate", today.toString()).put("endDate", today.plusYears(1).toString())
                .put("playlist", new JsonArray())
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "STREAM").put("sourceId", source)
                        .put("cron", plan.relayCron()).put("windowMinutes", DemoPlan.RELAY_MINUTES)
                        .put("at", new JsonArray().add(plan.firstRelay().toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(hamlet))));
        System.out.println("Relay: " + DemoStation.NAME + " (" + stationUrl + ") on the loudspeaker at "
                + plan.firstRelay().toLocalTime() + " for " + DemoPlan.RELAY_MINUTES + " minutes, then hourly at "
                + plan.relayMinute() + ".");
    }

    /** One person per role, passwords made by the controller and shown here once (never written to a file). */
    private Map<String, String> people(long province, long commune) throws Exception {
        String[][] people = {
            {"tinh.admin", "Quản trị tỉnh (demo)", "ADMIN", String.valueOf(province)},
            {"xa.editor", "Cán bộ văn hóa xã (demo)", "EDITOR", String.valueOf(commune)},
            {"xa.approver", "Lãnh đạo xã duyệt tin (demo)", "APPROVER", String.valueOf(commune)},
            {"xa.operator", "Nhân viên đài truyền thanh xã (demo)", "OPERATOR", String.valueOf(commune)},
            {"xa.viewer", "Người xem báo cáo (demo)", "VIEWER", String.valueOf(commune)},
        };
        StringBuilder table = new StringBuilder("\nDemo sign-ins (shown once; an admin can reset them):\n");
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String[] p : people) {
            JsonObject made = api.post("/api/v1/users", new JsonObject().put("username", p[0]).put("displayName", p[1])
                    .put("role", p[2]).put("areaId", Long.parseLong(p[3])));
            passwords.put(p[0], made.getString("password"));
            table.append(row(p[2], p[0], made.getString("password"), p[1]));
        }
        System.out.println(table);
        return passwords;
    }

    /** New passwords for the demo people (the old ones stop working), printed once like at the first start. */
    private void newPasswords() throws Exception {
        StringBuilder table = new StringBuilder("\nDemo sign-ins (new passwords, shown once):\n");
        for (Object o : api.getArray("/api/v1/users?sort=id")) {
            JsonObject user = (JsonObject) o;
            String password = api.post("/api/v1/users/" + user.getLong("id") + "/password", new JsonObject())
                    .getString("password");
            table.append(row(user.getString("role"), user.getString("username"), password,
                    user.getString("displayName")));
        }
        System.out.println(table);
    }

    private static String row(String role, String username, String password, String displayName) {
        return String.format("  %-9s %-12s password %s   %s%n", role, username, password, displayName);
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

    private long approvedAsset(ApiClient editor, ApiClient approver, String file) throws Exception {
        long id = editor.upload(mediaDir.resolve(file)).getLong("id");
        editor.post("/api/v1/assets/" + id + "/submit", new JsonObject());
        approver.post("/api/v1/assets/" + id + "/approve", new JsonObject());
        return id;
    }

    private static void campaign(ApiClient editor, ApiClient approver, JsonObject body) throws Exception {
        long id = editor.post("/api/v1/campaigns", body).getLong("id");
        editor.post("/api/v1/campaigns/" + id + "/submit", new JsonObject());
        approver.post("/api/v1/campaigns/" + id + "/approve", new JsonObject());
    }
}
