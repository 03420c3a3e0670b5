package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Plan preview: content that will not be processed by its slot is a conflict, with the estimate")
class PreviewReadinessTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.MAX_UPLOAD_BYTES, String.valueOf(256L << 20)));
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("a long video queued behind another: its slot in 3 minutes conflicts (estimate named), its slot"
            + " in 5 hours does not; a bulletin processed in seconds has no conflict")
    void queuedVideoMissesItsSlot() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Phường Hồng Hà")).json().getLong("id");
        api.post("/api/v1/endpoints", new JsonObject().put("name", "Màn hình chợ").put("kind", "SCREEN")
                .put("areaId", area));
        api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa tổ 3").put("kind", "SPEAKER")
                .put("areaId", area));
        long first = api.upload(longVideo("hoi-nghi-1.mp4", 330), "hoi-nghi-1.mp4").json().getLong("id");
        long second = api.upload(longVideo("hoi-nghi-2.mp4", 440), "hoi-nghi-2.mp4").json().getLong("id");
        Path tone = Ffmpeg.tone(dir, "ban-tin.wav", 20);
        long bulletin = api.upload(tone, "ban-tin.wav").json().getLong("id");
        assertThat(api.get("/api/v1/assets/" + second).json().getString("status")).isEqualTo("PROCESSING");

        LocalDateTime soon = LocalDateTime.now(ZONE).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime later = soon.plusHours(5);
        long video = campaign("Phóng sự hội nghị", area, second, soon, later);
        long speech = campaign("Bản tin", area, bulletin, soon);

        JsonArray conflicts = new JsonArray();
        for (JsonObject plan : plans(area, soon)) {
            conflicts.addAll(plan.getJsonArray("conflicts"));
        }
        List<JsonObject> notReady = new ArrayList<>();
        conflicts.forEach(c -> {
            if ("NOT_READY".equals(((JsonObject) c).getString("kind"))) {
                notReady.add((JsonObject) c);
            }
        });
        assertThat(notReady).as(conflicts.encodePrettily()).hasSize(1);
        JsonObject conflict = notReady.get(0);
        assertThat(conflict.getLong("campaignId")).isEqualTo(video);
        assertThat(conflict.getLong("occurrenceStartMs")).isEqualTo(soon.atZone(ZONE).toInstant().toEpochMilli());
        assertThat(conflict.getString("reason"))
                .startsWith("Nội dung chưa xử lý xong: «hoi-nghi-2.mp4» (đang xử lý, dự kiến xong lúc ")
                .contains("sau giờ phát " + soon.toLocalTime() + " ")
                .contains("expected done at ").contains("after its slot at " + soon.toLocalTime());
        assertThat(first).isNotEqualTo(second);
        // the bulletin (short lane, seconds of work) is estimated ready before its slot: no conflict for it
        assertThat(notReady).noneMatch(c -> c.getLong("campaignId") == speech);
        JsonObject screenPlan = plans(area, soon).stream().filter(p -> "SCREEN".equals(p.getString("kind")))
                .findFirst().orElseThrow();
        assertThat(screenPlan.getJsonArray("entries").stream()
                .filter(e -> ((JsonObject) e).getLong("campaignId") == video)).hasSize(2);
    }

    /** 5.5 minutes (the long lane), small frames and a tone: quick to make, real work to render. */
    private Path longVideo(String name, int hertz) throws Exception {
        Path out = dir.resolve(name);
        Ffmpeg.run("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10:duration=330", "-f", "lavfi", "-i",
                "sine=frequency=" + hertz + ":duration=330", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "48k", "-shortest", out.toString());
        return out;
    }

    private long campaign(String name, long area, long asset, LocalDateTime... at) {
        JsonArray times = new JsonArray();
        for (LocalDateTime t : at) {
            times.add(t.toString());
        }
        JsonObject body = new JsonObject().put("name", name).put("startDate", at[0].toLocalDate().toString())
                .put("endDate", at[at.length - 1].toLocalDate().plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", times)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area)));
        HttpApi.Answer made = api.post("/api/v1/campaigns", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().getLong("id");
    }

    private List<JsonObject> plans(long area, LocalDateTime from) {
        HttpApi.Answer preview = api.get("/api/v1/preview?areaId=" + area + "&date=" + from.toLocalDate()
                + "&days=2&includeUnapproved=true");
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        List<JsonObject> out = new ArrayList<>();
        preview.json().getJsonArray("endpoints").forEach(p -> out.add((JsonObject) p));
        assertThat(out).hasSize(2);
        return out;
    }
}
