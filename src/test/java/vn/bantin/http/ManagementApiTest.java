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

@DisplayName("Management API on a real controller and HSQLDB file database")
class ManagementApiTest {

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
    @DisplayName("health answers without a token; everything else needs the admin token")
    void auth() {
        assertThat(api.withoutToken().get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.withoutToken().get("/api/v1/endpoints").status()).isEqualTo(401);
        assertThat(new HttpApi(controller.baseUrl(), "wrong").get("/api/v1/areas").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/areas").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("the OpenAPI document and the status page are served")
    void openApiAndStatusPage() {
        HttpApi.Answer doc = api.withoutToken().get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().getJsonObject("paths").fieldNames()).contains("/api/v1/campaigns", "/agent/v1/plays");
        assertThat(api.withoutToken().get("/").body()).contains("Bantin");
    }

    @Test
    @DisplayName("areas form a tree with zones; bad zone and unknown parent are refused")
    void areas() {
        long province = api.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Quảng Ngãi")
                .put("zone", "Asia/Ho_Chi_Minh")).json().getLong("id");
        HttpApi.Answer commune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Bình Sơn")
                .put("parentId", province).put("quietHours", new JsonObject().put("from", "21:30").put("to", "05:30")));
        assertThat(commune.status()).isEqualTo(201);
        assertThat(commune.json().getLong("parentId")).isEqualTo(province);
        assertThat(commune.json().getJsonObject("quietHours").getString("from")).isEqualTo("21:30");

        HttpApi.Answer badZone = api.post("/api/v1/areas", new JsonObject().put("name", "X").put("zone", "Mars/Base"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().getString("code")).isEqualTo("bad_zone");
        assertThat(api.post("/api/v1/areas", new JsonObject().put("name", "X").put("parentId", 999)).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/areas", "{not json").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/areas").array()).hasSize(2);
    }

    @Test
    @DisplayName("a campaign with a bad cron is refused with the reason and nothing is stored")
    void badCron() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã A")).json().getLong("id");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "ban-tin.wav", 2)).getLong("id");
        HttpApi.Answer refused = api.post("/api/v1/campaigns", campaign(area, asset, "61 6 * * *"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("code")).isEqualTo("bad_cron");
        assertThat(refused.json().getString("error")).contains("61 6 * * *");
        assertThat(api.get("/api/v1/campaigns").array()).isEmpty();

        HttpApi.Answer ok = api.post("/api/v1/campaigns", campaign(area, asset, "0 6 * * *"));
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json().getBoolean("approved")).isFalse();
        assertThat(ok.json().getJsonArray("slots").getJsonObject(0).getString("cron")).isEqualTo("0 6 * * *");
    }

    @Test
    @DisplayName("campaigns naming unknown assets, areas or no slot are refused with a named reason")
    void invalidCampaigns() throws Exception {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã A")).json().getLong("id");
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "a.wav", 1)).getLong("id");
        assertThat(api.post("/api/v1/campaigns", campaign(area, 4242, "0 6 * * *")).json().getString("code"))
                .isEqualTo("unknown_asset");
        assertThat(api.post("/api/v1/campaigns", campaign(777, asset, "0 6 * * *")).json().getString("code"))
                .isEqualTo("unknown_area");
        JsonObject noSlots = campaign(area, asset, "0 6 * * *").put("slots", new JsonArray());
        HttpApi.Answer noSlotsRefused = api.post("/api/v1/campaigns", noSlots);
        assertThat(noSlotsRefused.json().getString("code")).isEqualTo("bad_field");
        assertThat(noSlotsRefused.json().getString("error")).contains("'slots'");
        JsonObject loopWithoutWindow = campaign(area, asset, "0 6 * * *");
        loopWithoutWindow.getJsonArray("slots").getJsonObject(0).put("mode", "LOOP");
        assertThat(api.post("/api/v1/campaigns", loopWithoutWindow).json().getString("code")).isEqualTo("bad_window");
        assertThat(api.get("/api/v1/campaigns").array()).isEmpty();
    }

    static JsonObject campaign(long areaId, long assetId, String cron) {
        LocalDate today = LocalDate.now();
        return new JsonObject().put("name", "Bản tin sáng").put("startDate", today.toString())
                .put("endDate", today.plusDays(30).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", cron)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId)));
    }
}
