package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.ContractSchemas;
import vn.bantin.support.HttpApi;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Relay API: live sources registry and STREAM slots on a real controller")
class RelayApiTest {

    private static final String URL = "http://127.0.0.1:8000/tinh.mp3";

    @TempDir
    Path dir;
    Commune commune;
    HttpApi editor;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
        editor = commune.controller.as(Role.EDITOR, commune.areaId);
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    /** A tone the commune's editor uploaded (so it is the commune's), approved by the admin. */
    private JsonObject editorTone() throws Exception {
        long id = editor.upload(vn.bantin.support.Ffmpeg.tone(dir, "nhac-cho.wav", 2), "nhac-cho.wav").json()
                .getLong("id");
        commune.api.post("/api/v1/assets/" + id + "/approve", "{}");
        return commune.api.processed(id);
    }

    private JsonObject source(String name, String url) {
        return new JsonObject().put("name", name).put("url", url);
    }

    private String refused(HttpApi api, JsonObject body) {
        HttpApi.Answer answer = api.post("/api/v1/sources", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().getString("error")).contains(" / ");
        return answer.json().getString("code");
    }

    @Test
    @DisplayName("register, list (paged), edit and archive a source; its kind follows the URL")
    void lifecycle() throws Exception {
        JsonObject tone = editorTone();
        HttpApi.Answer created = editor.post("/api/v1/sources", source("Đài tỉnh", URL)
                .put("fallbackAssetId", tone.getLong("id")).put("description", "Thời sự 6 giờ"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject s = created.json();
        assertThat(s.getString("kind")).isEqualTo("ICECAST");
        assertThat(s.getLong("areaId")).isEqualTo(commune.areaId);
        assertThat(s.getJsonObject("fallbackAsset").getLong("id")).isEqualTo(tone.getLong("id"));
        long id = s.getLong("id");
        editor.post("/api/v1/sources", source("VOV1", "https://127.0.0.1/hls/vov1.m3u8"));

        HttpApi.Answer page = editor.get("/api/v1/sources?limit=1&sort=kind");
        assertThat(page.header("X-Total-Count")).isEqualTo("2");
        assertThat(page.array()).singleElement().satisfies(o ->
                assertThat(((JsonObject) o).getString("name")).isEqualTo("VOV1"));
        assertThat(editor.get("/api/v1/sources?kind=ICECAST").array()).singleElement().satisfies(o ->
                assertThat(((JsonObject) o).getString("name")).isEqualTo("Đài tỉnh"));

        HttpApi.Answer edited = editor.put("/api/v1/sources/" + id, source("Đài PT-TH tỉnh", URL.replace("tinh", "tinh2"))
                .putNull("fallbackAssetId"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().getValue("fallbackAsset")).isNull();
        assertThat(edited.json().getString("url")).endsWith("/tinh2.mp3");

        assertThat(editor.post("/api/v1/sources/" + id + "/archive", "{}").json().getBoolean("archived")).isTrue();
        assertThat(editor.post("/api/v1/sources/" + id + "/restore", "{}").json().getBoolean("archived")).isFalse();
    }

    @Test
    @DisplayName("other schemes, credentials in the URL, a non-audio or unknown fallback are refused with a reason")
    void badSources() {
        assertThat(refused(editor, source("RTMP", "rtmp://127.0.0.1/live"))).isEqualTo("bad_url");
        assertThat(refused(editor, source("Tệp", "file:///etc/passwd"))).isEqualTo("bad_url");
        assertThat(refused(editor, source("Mật khẩu", "http://source:hackme@127.0.0.1:8000/a.mp3"))).isEqualTo("bad_url");
        assertThat(refused(editor, source("Không máy", "http:///a.mp3"))).isEqualTo("bad_url");
        assertThat(refused(editor, source("Dự phòng", URL).put("fallbackAssetId", 999))).isEqualTo("unknown_asset");
        assertThat(refused(editor, source(" ", URL))).isEqualTo("missing_field");
        assertThat(editor.get("/api/v1/sources").array()).isEmpty();
    }

    @Test
    @DisplayName("a VIEWER reads but cannot register; another commune's editor does not see the source")
    void permissionsAndScope() {
        long id = editor.post("/api/v1/sources", source("Đài tỉnh", URL)).json().getLong("id");
        HttpApi viewer = commune.controller.as(Role.VIEWER, commune.areaId);
        assertThat(viewer.get("/api/v1/sources").array()).hasSize(1);
        assertThat(viewer.post("/api/v1/sources", source("Khác", URL)).status()).isEqualTo(403);

        long other = commune.api.post("/api/v1/areas", new JsonObject().put("name", "Xã khác")).json().getLong("id");
        HttpApi stranger = commune.controller.as(Role.EDITOR, other);
        assertThat(stranger.get("/api/v1/sources").array()).isEmpty();
        assertThat(stranger.get("/api/v1/sources/" + id).status()).isEqualTo(404);
        assertThat(stranger.put("/api/v1/sources/" + id, source("Chiếm", URL)).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("an approved STREAM slot reaches the speaker's signed timeline as a STREAM entry with its fallback")
    void streamSlotInTimeline() throws Exception {
        JsonObject tone = editorTone();
        long sourceId = editor.post("/api/v1/sources", source("Đài tỉnh", URL).put("fallbackAssetId",
                tone.getLong("id"))).json().getLong("id");
        Commune.Enrolled speaker = commune.enrolledSpeaker();
        LocalDateTime at = LocalDateTime.now(Commune.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        HttpApi.Answer created = editor.post("/api/v1/campaigns", relayCampaign(sourceId, at));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject slot = created.json().getJsonArray("slots").getJsonObject(0);
        assertThat(slot.getString("mode")).isEqualTo("STREAM");
        assertThat(slot.getJsonObject("source").getString("url")).isEqualTo(URL);
        long campaignId = created.json().getLong("id");
        assertThat(commune.api.post("/api/v1/campaigns/" + campaignId + "/approve", "{}").status()).isEqualTo(200);

        var reply = speaker.agent().get("/agent/v1/timeline");
        assertThat(ContractSchemas.violations("timeline.schema.json", reply.text())).isEmpty();
        JsonObject entry = reply.json().getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("mode")).isEqualTo("STREAM");
        assertThat(entry.getLong("end") - entry.getLong("start")).isEqualTo(30 * 60_000L);
        assertThat(entry.getJsonObject("stream").getString("url")).isEqualTo(URL);
        assertThat(entry.getJsonObject("stream").getLong("sourceId")).isEqualTo(sourceId);
        // the filler heard in a gap is the speaker's loudness-normalised rendition, like any bulletin, not the upload
        String speakerRendition = tone.getJsonArray("renditions").stream().map(r -> (JsonObject) r)
                .filter(r -> r.getString("profile").startsWith("speaker")).findFirst().orElseThrow()
                .getString("sha256");
        assertThat(entry.getJsonArray("items").getJsonObject(0).getString("sha256")).isEqualTo(speakerRendition)
                .isNotEqualTo(tone.getString("sha256"));
        assertThat(speaker.agent().get(entry.getJsonArray("items").getJsonObject(0).getString("url")).status())
                .as("the fallback is media the device may fetch").isEqualTo(200);

        HttpApi.Answer archive = editor.post("/api/v1/sources/" + sourceId + "/archive", "{}");
        assertThat(archive.status()).isEqualTo(409);
        assertThat(archive.json().getString("code")).isEqualTo("source_in_use");

        HttpApi.Answer moved = editor.put("/api/v1/sources/" + sourceId, source("Đài tỉnh", URL.replace("tinh", "moi")));
        assertThat(moved.status()).isEqualTo(200);
        JsonObject recompiled = speaker.agent().get("/agent/v1/timeline").json().getJsonArray("entries").getJsonObject(0);
        assertThat(recompiled.getJsonObject("stream").getString("url")).endsWith("/moi.mp3");
        assertThat(recompiled.getJsonArray("items")).isEmpty();
    }

    @Test
    @DisplayName("a STREAM slot needs a window and a visible, unarchived source")
    void badStreamSlots() {
        long sourceId = editor.post("/api/v1/sources", source("Đài tỉnh", URL)).json().getLong("id");
        LocalDateTime at = LocalDateTime.now(Commune.ZONE).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        JsonObject noWindow = relayCampaign(sourceId, at);
        noWindow.getJsonArray("slots").getJsonObject(0).remove("windowMinutes");
        assertThat(campaignRefusal(noWindow)).isEqualTo("bad_window");
        JsonObject noSource = relayCampaign(sourceId, at);
        noSource.getJsonArray("slots").getJsonObject(0).remove("sourceId");
        assertThat(campaignRefusal(noSource)).isEqualTo("missing_source");
        assertThat(campaignRefusal(relayCampaign(9_999, at))).isEqualTo("unknown_source");
        editor.post("/api/v1/sources/" + sourceId + "/archive", "{}");
        assertThat(campaignRefusal(relayCampaign(sourceId, at))).isEqualTo("archived_source");
    }

    private String campaignRefusal(JsonObject body) {
        HttpApi.Answer answer = editor.post("/api/v1/campaigns", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        return answer.json().getString("code");
    }

    private JsonObject relayCampaign(long sourceId, LocalDateTime at) {
        LocalDate today = LocalDate.now(Commune.ZONE);
        return new JsonObject().put("name", "Tiếp sóng Đài tỉnh").put("startDate", today.minusDays(1).toString())
                .put("endDate", today.plusDays(1).toString()).put("playlist", new JsonArray())
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "STREAM").put("sourceId", sourceId)
                        .put("at", new JsonArray().add(at.toString())).put("windowMinutes", 30)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune.areaId)));
    }
}
