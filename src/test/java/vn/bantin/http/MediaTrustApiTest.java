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
import vn.bantin.support.HostileMedia;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Media staff can trust: true lengths, limits in clear words, names as typed, no slots in the past")
class MediaTrustApiTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.AUDIO_MAX_SECONDS, "4", ConfigLoader.IMAGE_MAX_PIXELS, "2000000"));
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("an Ogg whose header claims 10 hours for 1 s of sound is refused, naming both lengths")
    void lyingHeaderRefused() throws Exception {
        HttpApi.Answer answer = api.upload(HostileMedia.lyingOgg(dir, "loi-dau.ogg", 36_000), "loi-dau.ogg");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().getString("error"))
                .startsWith("Tệp ghi thời lượng 10:00:00 nhưng chỉ giải mã được 1.0 s")
                .contains("The file's header says 10:00:00 but only 1.0 s can be decoded");
        assertThat(api.get("/api/v1/assets").array()).isEmpty();
    }

    @Test
    @DisplayName("a PNG claiming 16000×16000 is refused by the pixel limit (configured), before decoding")
    void pixelBombRefusedByItsLimit() throws Exception {
        HttpApi.Answer answer = api.upload(HostileMedia.pngClaiming(dir, "bom.png", 16_000, 16_000), "bom.png");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().getString("code")).isEqualTo("over_limit");
        assertThat(answer.json().getString("error"))
                .startsWith("Ảnh quá lớn: 16000×16000 điểm ảnh (256.0 megapixel), giới hạn cho ảnh là 2.0 megapixel")
                .contains("The picture is too large: 16000×16000 pixels (256.0 megapixels); the limit for pictures is"
                        + " 2.0 megapixels");
    }

    @Test
    @DisplayName("audio longer than the configured limit is refused with the limit and its length")
    void durationLimit() throws Exception {
        HttpApi.Answer answer = api.upload(Ffmpeg.tone(dir, "dai.wav", 6), "dai.wav");

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().getString("error")).startsWith("Tệp âm thanh quá dài: 0:00:06, giới hạn cho âm thanh"
                + " là 0:00:04").contains("The audio file is too long: 0:00:06; the limit for audio is 0:00:04");
        HttpApi.Answer fits = api.upload(Ffmpeg.tone(dir, "ngan.wav", 2), "ngan.wav");
        assertThat(fits.status()).isEqualTo(201);
        assertThat(fits.json().getLong("durationMs")).isEqualTo(2000L);
    }

    @Test
    @DisplayName("a typed display name keeps its slash, quotes and diacritics; a file name loses its folders")
    void namesAsTyped() throws Exception {
        Path tone = Ffmpeg.tone(dir, "t.wav", 1);
        String typed = "Bản tin Nghị quyết 57-NQ/TW (số 1) \"chính thức\" <b>";

        HttpApi.Answer named = api.upload(tone, "t.wav", typed);
        assertThat(named.status()).as(named.body()).isEqualTo(201);
        assertThat(named.json().getString("name")).isEqualTo(typed);
        assertThat(api.get("/api/v1/assets/" + named.json().getLong("id")).json().getString("name")).isEqualTo(typed);
        HttpApi.Answer fromFile = api.upload(Ffmpeg.tone(dir, "u.wav", 2), "C:\\Users\\lan\\bản tin.wav");
        assertThat(fromFile.json().getString("name")).isEqualTo("bản tin.wav");
    }

    @Test
    @DisplayName("a one-off time already past and an end date already gone are refused at save, with the reason")
    void pastTimesRefused() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã")).json().getLong("id");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "b.wav", 1)).getLong("id");
        LocalDate today = LocalDate.now(ZONE);
        LocalDateTime past = LocalDateTime.now(ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime future = LocalDateTime.now(ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);

        // starting on the day of the past time, which is yesterday in the first two hours after midnight
        HttpApi.Answer pastTime = api.post("/api/v1/campaigns",
                campaign(area, asset, past.toLocalDate(), today.plusDays(1), past));
        assertThat(pastTime.status()).isEqualTo(400);
        assertThat(pastTime.json().getString("code")).isEqualTo("past_time");
        assertThat(pastTime.json().getString("error")).startsWith("Khung giờ 1: thời điểm")
                .contains("đã qua").contains("is in the past");
        HttpApi.Answer ended = api.post("/api/v1/campaigns",
                campaign(area, asset, today.minusDays(3), today.minusDays(1), future));
        assertThat(ended.status()).isEqualTo(400);
        assertThat(ended.json().getString("code")).isEqualTo("ended");
        assertThat(ended.json().getString("error")).contains("has already passed");

        HttpApi.Answer ok = api.post("/api/v1/campaigns", campaign(area, asset, today, today.plusDays(1), future));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/campaigns").array()).hasSize(1);
    }

    @Test
    @DisplayName("content that is not processed shows in the plan preview as a conflict: nội dung chưa xử lý xong")
    void unprocessedContentIsAPlanConflict() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã")).json().getLong("id");
        api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa 1").put("kind", "SPEAKER")
                .put("areaId", area));
        Path silent = dir.resolve("im-lang.wav");
        Ffmpeg.run("-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "2", silent.toString());
        long asset = api.upload(silent, "im-lang.wav").json().getLong("id");
        vn.bantin.support.Eventually.within(java.time.Duration.ofSeconds(60), () -> assertThat(
                api.get("/api/v1/assets/" + asset).json().getString("status")).isEqualTo("FAILED"));
        assertThat(api.get("/api/v1/assets/" + asset).json().getString("failureReason")).contains("im lặng");
        assertThat(api.post("/api/v1/assets/" + asset + "/approve", "{}").status()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZONE);
        LocalDateTime future = LocalDateTime.now(ZONE).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        assertThat(api.post("/api/v1/campaigns", campaign(area, asset, today, today.plusDays(1), future)).status())
                .isEqualTo(201);

        JsonObject plan = api.get("/api/v1/preview?areaId=" + area + "&date=" + future.toLocalDate()
                + "&includeUnapproved=true").json().getJsonArray("endpoints").getJsonObject(0);
        assertThat(plan.getJsonArray("entries")).hasSize(1);
        JsonObject conflict = plan.getJsonArray("conflicts").getJsonObject(0);
        assertThat(conflict.getString("kind")).isEqualTo("NOT_READY");
        assertThat(conflict.getString("reason")).startsWith("Nội dung chưa xử lý xong: «im-lang.wav» (xử lý lỗi)")
                .contains("Content not processed yet");
    }

    private static JsonObject campaign(long area, long asset, LocalDate from, LocalDate to, LocalDateTime at) {
        return new JsonObject().put("name", "Bản tin").put("startDate", from.toString()).put("endDate", to.toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE")
                        .put("at", new JsonArray().add(at.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(area)));
    }
}
