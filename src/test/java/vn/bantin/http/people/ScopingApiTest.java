package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Area scoping: a commune's staff never see or touch another commune's things (404, nothing changed)")
class ScopingApiTest {

    @TempDir
    static Path dir;
    static TestController controller;
    static long province;
    static long communeA;
    static long communeB;
    static HttpApi editorA;
    static HttpApi operatorA;
    static HttpApi editorB;
    static HttpApi operatorB;
    static HttpApi approverB;
    static HttpApi provinceEditor;
    static long endpointA;
    static long endpointB;
    static long assetA;
    static Path tone;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        HttpApi admin = controller.api();
        province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh")).json().getLong("id");
        communeA = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã A").put("parentId", province)).json()
                .getLong("id");
        communeB = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã B").put("parentId", province)).json()
                .getLong("id");
        editorA = controller.as(Role.EDITOR, communeA);
        operatorA = controller.as(Role.OPERATOR, communeA);
        editorB = controller.as(Role.EDITOR, communeB);
        operatorB = controller.as(Role.OPERATOR, communeB);
        approverB = controller.as(Role.APPROVER, communeB);
        provinceEditor = controller.as(Role.EDITOR, province);
        endpointA = endpoint(operatorA, "Loa xã A", communeA);
        endpointB = endpoint(operatorB, "Loa xã B", communeB);
        tone = Ffmpeg.tone(dir, "ban-tin.wav", 1);
        assetA = editorA.upload(tone, "ban-tin.wav").json().getLong("id");
        controller.api().post("/api/v1/assets/" + assetA + "/approve", "{}");
        editorA.processed(assetA);
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    private static long endpoint(HttpApi api, String name, long area) {
        HttpApi.Answer a = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", area).put("tags", new JsonArray().add("loa")));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().getLong("id");
    }

    private static List<Long> ids(HttpApi api, String path) {
        return api.get(path).array().stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }

    private static JsonObject campaign(long assetId, JsonObject targets) {
        LocalDate today = LocalDate.now();
        return new JsonObject().put("name", "Bản tin").put("startDate", today.toString())
                .put("endDate", today.plusDays(10).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "0 6 * * *")))
                .put("targets", targets);
    }

    @Test
    @DisplayName("areas and endpoints: only the own subtree is listed; others' ids are 404 and stay unchanged")
    void areasAndEndpoints() {
        assertThat(ids(editorB, "/api/v1/areas")).containsExactly(communeB);
        assertThat(ids(provinceEditor, "/api/v1/areas")).containsExactlyInAnyOrder(province, communeA, communeB);
        assertThat(editorB.get("/api/v1/areas/" + communeA).status()).isEqualTo(404);
        assertThat(ids(editorB, "/api/v1/endpoints")).containsExactly(endpointB);
        assertThat(ids(provinceEditor, "/api/v1/endpoints")).contains(endpointA, endpointB);

        assertThat(editorB.get("/api/v1/endpoints/" + endpointA).status()).isEqualTo(404);
        assertThat(operatorB.post("/api/v1/endpoints/" + endpointA + "/revoke", "{}").status()).isEqualTo(404);
        assertThat(operatorB.post("/api/v1/endpoints/" + endpointA + "/enrollment-code", "{}").status()).isEqualTo(404);
        assertThat(operatorB.put("/api/v1/endpoints/" + endpointA + "/profile", new JsonObject()
                .put("profile", "speaker-speech")).status()).isEqualTo(404);
        assertThat(operatorB.post("/api/v1/endpoints", new JsonObject().put("name", "x").put("kind", "SPEAKER")
                .put("areaId", communeA)).status()).isEqualTo(404);
        assertThat(operatorB.get("/api/v1/endpoints/" + endpointA + "/evidence").status()).isEqualTo(404);
        assertThat(controller.api().get("/api/v1/endpoints/" + endpointA).json().getString("status"))
                .isEqualTo("UNENROLLED");
    }

    @Test
    @DisplayName("content: another commune's asset, its thumbnail and jobs are 404; the same bytes become its own asset")
    void content() {
        assertThat(ids(editorB, "/api/v1/assets")).doesNotContain(assetA);
        assertThat(ids(editorA, "/api/v1/assets")).contains(assetA);
        assertThat(editorB.get("/api/v1/assets/" + assetA).status()).isEqualTo(404);
        assertThat(editorB.get("/api/v1/assets/" + assetA + "/thumbnail").status()).isEqualTo(404);
        assertThat(approverB.post("/api/v1/assets/" + assetA + "/unapprove", "{}").status()).isEqualTo(404);
        assertThat(controller.api().get("/api/v1/assets/" + assetA).json().getBoolean("approved")).isTrue();

        JsonArray jobsA = editorA.get("/api/v1/jobs").array();
        assertThat(jobsA).isNotEmpty();
        long jobA = jobsA.getJsonObject(0).getLong("id");
        assertThat(editorB.get("/api/v1/jobs").array().stream().map(o -> ((JsonObject) o).getLong("assetId")))
                .doesNotContain(assetA);
        assertThat(editorB.get("/api/v1/jobs/" + jobA).status()).isEqualTo(404);
        assertThat(editorB.get("/api/v1/jobs/" + jobA + "/stream").status()).isEqualTo(404);

        HttpApi.Answer sameBytes = editorB.upload(tone, "ban-tin.wav");
        assertThat(sameBytes.status()).isEqualTo(201);
        assertThat(sameBytes.json().getLong("id")).isNotEqualTo(assetA);
        assertThat(sameBytes.json().getLong("areaId")).isEqualTo(communeB);
        assertThat(editorA.upload(tone, "again.wav").json().getLong("id")).isEqualTo(assetA);
    }

    @Test
    @DisplayName("campaigns use only own content and own targets; a commune's tag never reaches another commune")
    void campaigns() {
        assertThat(editorB.post("/api/v1/campaigns", campaign(assetA, new JsonObject().put("areas",
                new JsonArray().add(communeB)))).json().getString("code")).isEqualTo("unknown_asset");
        assertThat(editorA.post("/api/v1/campaigns", campaign(assetA, new JsonObject().put("areas",
                new JsonArray().add(communeB)))).json().getString("code")).isEqualTo("unknown_area");
        assertThat(editorA.post("/api/v1/campaigns", campaign(assetA, new JsonObject().put("endpoints",
                new JsonArray().add(endpointB)))).json().getString("code")).isEqualTo("unknown_endpoint");

        HttpApi.Answer byTag = editorA.post("/api/v1/campaigns", campaign(assetA, new JsonObject().put("tags",
                new JsonArray().add("loa"))));
        assertThat(byTag.status()).isEqualTo(201);
        long campaign = byTag.json().getLong("id");
        assertThat(byTag.json().getLong("areaId")).isEqualTo(communeA);
        assertThat(editorB.get("/api/v1/campaigns/" + campaign).status()).isEqualTo(404);
        assertThat(approverB.post("/api/v1/campaigns/" + campaign + "/approve", "{}").status()).isEqualTo(404);
        assertThat(ids(editorB, "/api/v1/campaigns")).doesNotContain(campaign);

        String day = LocalDate.now().plusDays(1).toString();
        JsonArray planA = controller.api().get("/api/v1/preview?endpointId=" + endpointA + "&date=" + day
                + "&includeUnapproved=true").json().getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries");
        JsonArray planB = controller.api().get("/api/v1/preview?endpointId=" + endpointB + "&date=" + day
                + "&includeUnapproved=true").json().getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries");
        // other tests of this class plan campaigns on commune A too: count this one's entries
        assertThat(entriesOf(planA, campaign)).hasSize(1);
        assertThat(entriesOf(planB, campaign)).isEmpty();
        assertThat(editorB.get("/api/v1/preview?endpointId=" + endpointA + "&date=" + day).status()).isEqualTo(404);
        assertThat(editorB.get("/api/v1/preview?areaId=" + communeA + "&date=" + day).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("province staff target communes below them with province content; communes cannot reach up")
    void provinceDown() {
        long provinceAsset = provinceEditor.upload(tone, "tinh.wav").json().getLong("id");
        HttpApi.Answer down = provinceEditor.post("/api/v1/campaigns", campaign(provinceAsset, new JsonObject()
                .put("areas", new JsonArray().add(communeA).add(communeB))));
        assertThat(down.status()).isEqualTo(201);
        assertThat(editorA.post("/api/v1/campaigns", campaign(assetA, new JsonObject().put("areas",
                new JsonArray().add(province)))).json().getString("code")).isEqualTo("unknown_area");
        assertThat(editorA.get("/api/v1/assets/" + provinceAsset).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("alerts, uploads and reports stay inside the commune too")
    void alertsUploadsReports() {
        HttpApi.Answer alert = operatorA.post("/api/v1/alerts", new JsonObject().put("title", "Bão số 3")
                .put("audioAssetId", assetA).put("targets", new JsonObject().put("tags", new JsonArray().add("loa"))));
        assertThat(alert.status()).as(alert.body()).isEqualTo(201);
        long alertId = alert.json().getLong("id");
        assertThat(operatorB.get("/api/v1/alerts/" + alertId).status()).isEqualTo(404);
        assertThat(operatorB.post("/api/v1/alerts/" + alertId + "/cancel", "{}").status()).isEqualTo(404);
        assertThat(ids(operatorB, "/api/v1/alerts")).doesNotContain(alertId);
        assertThat(controller.api().get("/api/v1/alerts/" + alertId).json().getString("status")).isEqualTo("ACTIVE");
        assertThat(operatorB.post("/api/v1/alerts", new JsonObject().put("title", "x").put("audioAssetId", assetA)
                .put("targets", new JsonObject().put("tags", new JsonArray().add("loa")))).json().getString("code"))
                .isEqualTo("unknown_asset");

        String upload = editorA.post("/api/v1/uploads", new JsonObject().put("name", "a.wav").put("size", 10)).json()
                .getString("id");
        assertThat(editorB.get("/api/v1/uploads/" + upload).status()).isEqualTo(404);
        assertThat(editorB.delete("/api/v1/uploads/" + upload).status()).isEqualTo(404);
        assertThat(editorB.post("/api/v1/uploads/" + upload + "/finish", "{}").status()).isEqualTo(404);
        assertThat(editorA.get("/api/v1/uploads/" + upload).status()).isEqualTo(200);

        JsonObject speech = editorA.post("/api/v1/tts", new JsonObject().put("text", "Xin chào bà con")).json();
        assertThat(speech.getLong("areaId")).isEqualTo(communeA);
        assertThat(editorB.get("/api/v1/assets/" + speech.getLong("id")).status()).isEqualTo(404);

        assertThat(editorB.get("/api/v1/reports?period=today").status()).isEqualTo(200);
        assertThat(editorB.get("/api/v1/plays").status()).isEqualTo(200);
    }

    private static List<Object> entriesOf(JsonArray plan, long campaign) {
        return plan.stream().filter(e -> ((JsonObject) e).getLong("campaignId") == campaign).toList();
    }
}
