package vn.bantin.http;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Asset upload through the API: real ffprobe, nothing left behind on refusal")
class AssetUploadApiTest {

    private static final long LIMIT = 2L * 1024 * 1024;

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"), 0, LIMIT);
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("a real video is stored by SHA-256 with its probed facts; the same bytes again are a duplicate")
    void videoAndDuplicate() throws Exception {
        Path video = Ffmpeg.video(dir, "clip.mp4", 2);
        HttpApi.Answer first = api.upload(video, "Video chuyển đổi số.mp4");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getString("kind")).isEqualTo("VIDEO");
        assertThat(first.json().getLong("durationMs")).isBetween(1900L, 2100L);
        assertThat(first.json().getInteger("width")).isEqualTo(320);
        assertThat(first.json().getString("videoCodec")).isEqualTo("h264");
        assertThat(first.json().getString("name")).isEqualTo("Video chuyển đổi số.mp4");
        assertThat(first.json().getString("sha256")).matches("[0-9a-f]{64}");

        HttpApi.Answer again = api.upload(video, "copy.mp4");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getBoolean("duplicate")).isTrue();
        assertThat(again.json().getLong("id")).isEqualTo(first.json().getLong("id"));
        JsonObject processed = api.processed(first.json().getLong("id"));
        java.util.Set<String> expected = new java.util.HashSet<>();
        expected.add(first.json().getString("sha256"));
        processed.getJsonArray("renditions").forEach(r -> expected.add(((JsonObject) r).getString("sha256")));
        // Stored once each: the upload, its four screen renditions, and its thumbnail.
        assertThat(expected).hasSize(5);
        assertThat(storedMediaFiles()).extracting(p -> p.getFileName().toString()).containsAll(expected)
                .hasSize(expected.size() + 1);
        assertThat(api.get("/api/v1/assets").array()).hasSize(1);
    }

    @Test
    @DisplayName("a truncated MP4 is refused in words, and nothing of it remains")
    void truncatedMp4() throws Exception {
        byte[] whole = Files.readAllBytes(Ffmpeg.video(dir, "whole.mp4", 3));
        Path half = Files.write(dir.resolve("half.mp4"), Arrays.copyOf(whole, whole.length / 2));
        assertRefusedLeavingNothing(api.upload(half, "half.mp4"), 422);
    }

    @Test
    @DisplayName("an empty file and a text file renamed .mp3 are refused, leaving nothing")
    void emptyAndText() throws Exception {
        Path empty = Files.write(dir.resolve("empty.mp3"), new byte[0]);
        assertRefusedLeavingNothing(api.upload(empty, "empty.mp3"), 422);
        Path text = Files.writeString(dir.resolve("notes.mp3"), "Đây không phải âm thanh.\n".repeat(200),
                StandardCharsets.UTF_8);
        assertRefusedLeavingNothing(api.upload(text, "notes.mp3"), 422);
    }

    @Test
    @DisplayName("an upload over the size limit is refused with 413, leaving nothing")
    void tooLarge() throws Exception {
        Path big = dir.resolve("big.wav");
        Ffmpeg.run("-f", "lavfi", "-i", "sine=frequency=300:duration=30", "-ar", "48000", big.toString());
        assertThat(Files.size(big)).isGreaterThan(LIMIT);
        HttpApi.Answer answer = api.upload(big, "big.wav");
        assertRefusedLeavingNothing(answer, 413);
    }

    @Test
    @DisplayName("a hostile file name is kept only as a harmless display name")
    void hostileName() throws Exception {
        Path tone = Ffmpeg.tone(dir, "t.wav", 1);
        HttpApi.Answer answer = api.upload(tone, "../../etc/bản tin sáng.wav");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().getString("name")).isEqualTo("bản tin sáng.wav");
        assertThat(Files.exists(controller.config().dataDir().resolve("../../etc"))).isFalse();
    }

    private void assertRefusedLeavingNothing(HttpApi.Answer answer, int status) throws Exception {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.json().getString("error")).isNotBlank();
        assertThat(storedMediaFiles()).isEmpty();
        assertThat(api.get("/api/v1/assets").array()).isEmpty();
        Eventually.within(Duration.ofSeconds(3), () -> assertThat(uploadTempFiles()).isEmpty());
    }

    private java.util.List<Path> storedMediaFiles() throws IOException {
        return files(controller.config().mediaDir());
    }

    private java.util.List<Path> uploadTempFiles() throws IOException {
        return files(controller.config().uploadTempDir());
    }

    private static java.util.List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return java.util.List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
