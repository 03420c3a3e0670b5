package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.access.Role;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the content screens' journeys start from: a real controller with a province and a commune (quiet hours
 * 21:30–05:30), a loudspeaker cluster and an LED screen there, one person per role, an approved storm warning
 * that already airs at 06:00 every day as PRIORITY (so a new 06:00 bulletin meets a conflict), and media files
 * to upload as a person would.
 */
final class ContentWorld implements AutoCloseable {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String SPEAKER = "Cụm loa tổ 5";
    static final String SCREEN = "Màn hình chợ Hạ Long";
    static final String STORM = "Thông báo phòng chống bão số 3";
    static final String JINGLE = "nhac-hieu.wav";

    final TestController controller;
    final long provinceId;
    final long communeId;
    final Path media;

    ContentWorld(Path dir) throws Exception {
        controller = TestController.start(dir.resolve("data"));
        HttpApi api = controller.api();
        provinceId = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ninh").put("zone", ZONE.getId()))
                .json().getLong("id");
        communeId = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Gai").put("parentId", provinceId)
                .put("quietHours", new JsonObject().put("from", "21:30").put("to", "05:30"))).json().getLong("id");
        for (String[] e : new String[][] {{SPEAKER, "SPEAKER", "loa-pho"}, {SCREEN, "SCREEN", "man-hinh-cho"}}) {
            assertThat(api.post("/api/v1/endpoints", new JsonObject().put("name", e[0]).put("kind", e[1])
                    .put("areaId", communeId).put("tags", new JsonArray().add(e[2]))).status()).isEqualTo(201);
        }
        media = Files.createDirectories(dir.resolve("media"));
        HttpApi editor = controller.as(Role.EDITOR, communeId);
        long jingle = editor.upload(Ffmpeg.tone(media, JINGLE, 3), JINGLE).json().getLong("id");
        api.post("/api/v1/assets/" + jingle + "/approve", "{}");
        editor.processed(jingle);
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer storm = editor.post("/api/v1/campaigns", new JsonObject().put("name", STORM).put("class", "PRIORITY")
                .put("startDate", today.toString()).put("endDate", today.plusDays(10).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", jingle)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "0 6 * * *")))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(communeId))));
        assertThat(storm.status()).as(storm.body()).isEqualTo(201);
        api.post("/api/v1/campaigns/" + storm.json().getLong("id") + "/approve", "{}");
        // about 2.5 MB of video (lossless, so it is large but quick to make), for an upload bar to watch on a slow link
        Ffmpeg.run("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=5", "-f", "lavfi", "-i",
                "sine=frequency=330:duration=5", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt",
                "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart",
                media.resolve("phong-chong-bao.mp4").toString());
    }

    /**
     * One person per role in the commune, the admin over the province, and a province approver (who approves
     * what the province made), as {role: {username, password}}.
     */
    JsonObject people() {
        Map<String, Object> out = RolePeople.perRole(controller, "nd-", provinceId, communeId);
        out.put("PROVINCE_APPROVER", RolePeople.person(controller, "nd-duyet-tinh", Role.APPROVER, provinceId));
        return new JsonObject(out);
    }

    Map<String, String> env() {
        return Map.of("BANTIN_PEOPLE", people().encode(), "MEDIA_DIR", media.toString());
    }

    @Override
    public void close() {
        controller.close();
    }
}
