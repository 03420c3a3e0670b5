package vn.bantin.ui;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.config.MapConfig;
import vn.bantin.support.HttpApi;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Endpoints on the map: coordinates set by who may manage the endpoint, shown on the dashboard; tile settings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointMapApiTest {

    private CommuneWorld world;
    private long otherEndpoint;

    @BeforeAll
    void commune(@TempDir Path dir) throws Exception {
        world = new CommuneWorld(dir);
        long other = world.api.post("/api/v1/areas", new JsonObject().put("name", "Phường Bãi Cháy")
                .put("parentId", world.provinceId)).json().getLong("id");
        otherEndpoint = world.api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa Bãi Cháy")
                .put("kind", "SPEAKER").put("areaId", other)).json().getLong("id");
    }

    @AfterAll
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("an OPERATOR places their commune's endpoint; the dashboard carries the place and the device key")
    void operatorPlacesEndpoint() {
        HttpApi operator = world.controller.as(Role.OPERATOR, world.communeId);
        HttpApi.Answer placed = operator.put("/api/v1/endpoints/" + world.endpointId + "/location",
                new JsonObject().put("latitude", 20.9517).put("longitude", 107.0801));
        assertThat(placed.status()).as(placed.body()).isEqualTo(200);

        JsonObject summary = summary(operator);
        assertThat(summary.getJsonObject("location").getDouble("latitude")).isEqualTo(20.9517);
        assertThat(summary.getJsonObject("location").getDouble("longitude")).isEqualTo(107.0801);
        assertThat(summary.getString("deviceId")).isEqualTo(world.agent.deviceId());
        assertThat(summary.getValue("hardware")).as("only a device waiting for approval shows its facts").isNull();

        assertThat(operator.put("/api/v1/endpoints/" + world.endpointId + "/location",
                new JsonObject().putNull("latitude").putNull("longitude")).status()).isEqualTo(200);
        assertThat(summary(operator).getValue("location")).isNull();
    }

    @Test
    @DisplayName("half a place or one off the globe is refused with a reason, and nothing changes")
    void badPlacesRefused() {
        HttpApi admin = world.api;
        admin.put("/api/v1/endpoints/" + world.endpointId + "/location",
                new JsonObject().put("latitude", 21.0).put("longitude", 107.0));
        for (JsonObject bad : new JsonObject[] {
                new JsonObject().put("latitude", 21.5).putNull("longitude"),
                new JsonObject().put("latitude", 91).put("longitude", 107.0),
                new JsonObject().put("latitude", 21.0).put("longitude", -181)}) {
            HttpApi.Answer refused = admin.put("/api/v1/endpoints/" + world.endpointId + "/location", bad);
            assertThat(refused.status()).as(bad.encode()).isEqualTo(400);
            assertThat(refused.json().getString("error")).contains("độ");
        }
        assertThat(summary(admin).getJsonObject("location").getDouble("latitude")).isEqualTo(21.0);
    }

    @Test
    @DisplayName("another commune's endpoint cannot be placed (404), and a VIEWER may not place any (403)")
    void outOfScopeAndRole() {
        JsonObject at = new JsonObject().put("latitude", 20.9).put("longitude", 107.1);
        assertThat(world.controller.as(Role.OPERATOR, world.communeId)
                .put("/api/v1/endpoints/" + otherEndpoint + "/location", at).status()).isEqualTo(404);
        assertThat(world.controller.as(Role.VIEWER, world.communeId)
                .put("/api/v1/endpoints/" + world.endpointId + "/location", at).status()).isEqualTo(403);
        assertThat(world.api.get("/api/v1/dashboard?endpointId=" + otherEndpoint).json().getJsonArray("endpoints")
                .getJsonObject(0).getValue("location")).isNull();
    }

    @Test
    @DisplayName("without a tile server the map settings say so; a tile server's template must name {z}, {x}, {y}")
    void mapSettings() {
        JsonObject settings = world.api.get("/api/v1/settings/map").json();
        assertThat(settings.getValue("tileUrl")).isNull();
        assertThat(settings.getInteger("maxZoom")).isEqualTo(18);
        assertThat(new MapConfig("https://{s}.tiles.example.vn:8443/{z}/{x}/{y}.png", null, 18).tileOrigin())
                .isEqualTo("https://*.tiles.example.vn:8443");
        assertThat(new MapConfig("http://10.0.0.5/tiles/{z}/{x}/{y}.png", null, 18).tileOrigin())
                .isEqualTo("http://10.0.0.5");
        assertThatThrownBy(() -> new MapConfig("https://tiles.example.vn/{z}.png", null, 18))
                .hasMessageContaining("{z}, {x} and {y}");
        assertThatThrownBy(() -> new MapConfig("file:///etc/{z}/{x}/{y}", null, 18))
                .hasMessageContaining("http(s)");
    }

    private JsonObject summary(HttpApi api) {
        return api.get("/api/v1/dashboard?endpointId=" + world.endpointId).json().getJsonArray("endpoints")
                .getJsonObject(0);
    }
}
