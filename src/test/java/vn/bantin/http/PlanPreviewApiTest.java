package vn.bantin.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Plan preview and slot exclusions on a real controller")
class PlanPreviewApiTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("staff preview unapproved campaigns: entries, a DELAYED conflict, an excluded day")
    void previewWithConflictsAndExclusion() throws Exception {
        LocalDate day = LocalDate.now().plusDays(1);
        long province = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh")).json().getLong("id");
        long commune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã").put("parentId", province))
                .json().getLong("id");
        long speaker = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa 1").put("kind", "SPEAKER")
                .put("areaId", commune)).json().getLong("id");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin.wav", 2)).getLong("id");
        JsonObject first = ManagementApiTest.campaign(province, asset, "0 6 * * *").put("rank", 5);
        first.getJsonArray("slots").getJsonObject(0).put("exclude", new JsonArray().add(day.plusDays(1).toString()));
        HttpApi.Answer created = api.post("/api/v1/campaigns", first);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getJsonArray("slots").getJsonObject(0).getJsonArray("exclude"))
                .containsExactly(day.plusDays(1).toString());
        assertThat(api.post("/api/v1/campaigns", ManagementApiTest.campaign(province, asset, "0 6 * * *")
                .put("name", "Bản tin phụ")).status()).isEqualTo(201);

        String query = "/api/v1/preview?areaId=" + province + "&date=" + day + "&days=2";
        JsonObject approvedOnly = api.get(query).json();
        assertThat(approvedOnly.getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries")).isEmpty();

        JsonObject plan = api.get(query + "&includeUnapproved=true").json().getJsonArray("endpoints").getJsonObject(0);
        assertThat(plan.getLong("endpointId")).isEqualTo(speaker);
        JsonArray entries = plan.getJsonArray("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.getJsonObject(0).getString("start")).isEqualTo(day + "T06:00");
        assertThat(entries.getJsonObject(0).getString("campaign")).isEqualTo("Bản tin sáng");
        assertThat(entries.getJsonObject(0).getJsonArray("items").getJsonObject(0).getString("name"))
                .isEqualTo("ban-tin.wav");
        assertThat(entries.getJsonObject(1).getString("campaign")).isEqualTo("Bản tin phụ");
        assertThat(entries.getJsonObject(2).getString("start")).isEqualTo(day.plusDays(1) + "T06:00");
        assertThat(entries.getJsonObject(2).getString("campaign")).isEqualTo("Bản tin phụ");
        JsonArray conflicts = plan.getJsonArray("conflicts");
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.getJsonObject(0).getString("kind")).isEqualTo("DELAYED");
        assertThat(conflicts.getJsonObject(0).getString("reason")).contains("Bản tin sáng");
    }

    @Test
    @DisplayName("bad preview parameters and a bad excluded date are 400s with a named code")
    void badRequests() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã A")).json().getLong("id");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "a.wav", 1)).getLong("id");
        JsonObject badExclude = ManagementApiTest.campaign(area, asset, "0 6 * * *");
        badExclude.getJsonArray("slots").getJsonObject(0).put("exclude", new JsonArray().add("02/09/2026"));
        HttpApi.Answer refused = api.post("/api/v1/campaigns", badExclude);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("bad_field");
        assertThat(refused.json().getString("error")).contains("'slots.0.exclude.0'").contains("date");

        assertThat(api.get("/api/v1/preview?date=2026-09-02").json().getString("code")).isEqualTo("bad_target");
        HttpApi.Answer badDate = api.get("/api/v1/preview?areaId=" + area + "&date=2026-9-2");
        assertThat(badDate.json().getString("code")).isEqualTo("bad_field");
        assertThat(badDate.json().getString("error")).contains("'date'");
        HttpApi.Answer badDays = api.get("/api/v1/preview?areaId=" + area + "&date=2026-09-02&days=8");
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.json().getString("error")).contains("'days'");
        assertThat(api.get("/api/v1/preview?endpointId=999&date=2026-09-02").status()).isEqualTo(404);
    }
}
