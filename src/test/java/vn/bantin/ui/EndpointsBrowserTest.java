package vn.bantin.ui;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web UI in real headless Chromium: endpoints list, map, state in plain words, codes, enrollment requests")
class EndpointsBrowserTest {

    /** Markup in names, tags and device facts: the UI must show it as text and never run it. */
    static final String XSS_NAME = "<img src=x onerror=\"window.__xss='name'\">Loa <b>chợ</b>";
    static final String XSS_TAG = "<script>window.__xss='tag'</script>";
    static final String XSS_DEVICE = "<svg onload=\"window.__xss='device'\">loa-moi";
    static final String XSS_MODEL = "<img src=x onerror=\"window.__xss='model'\">Pi 4";

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/endpoints.test.mjs passes: an operator's commune only, by URL too; stored markup shown as text")
    void endpoints() throws Exception {
        try (CommuneWorld world = new CommuneWorld(dir)) {
            world.heartbeatWithFacts();
            long other = world.api.post("/api/v1/areas", new JsonObject().put("name", "Phường Bãi Cháy")
                    .put("parentId", world.provinceId)).json().getLong("id");
            long otherEndpoint = world.api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa Bãi Cháy")
                    .put("kind", "SPEAKER").put("areaId", other)).json().getLong("id");
            assertThat(world.api.post("/api/v1/endpoints", new JsonObject().put("name", XSS_NAME).put("kind", "SCREEN")
                    .put("areaId", world.communeId).put("tags", new JsonArray().add(XSS_TAG))).status()).isEqualTo(201);
            SignedAgent stranger = new SignedAgent(world.controller.baseUrl());
            JsonObject asking = stranger.enrollBody("SPEAKER", null).put("name", XSS_DEVICE);
            asking.getJsonObject("hardware").put("model", XSS_MODEL);
            assertThat(stranger.post("/agent/v1/enroll", asking).json().getString("status")).isEqualTo("PENDING");

            JsonObject people = world.people().put("SYSTEM", new JsonObject().put("username", "ui-system")
                    .put("password", world.controller.createUser("ui-system", Role.ADMIN, null)));
            BrowserJourneys.run("endpoints.test.mjs", world.controller.baseUrl(), Map.of(
                    "BANTIN_PEOPLE", people.encode(),
                    "BANTIN_WORLD", new JsonObject().put("endpointId", world.endpointId)
                            .put("deviceId", world.agent.deviceId()).put("otherEndpointId", otherEndpoint)
                            .put("strangerDeviceId", stranger.deviceId()).encode()));
            assertThat(world.api.get("/api/v1/dashboard?endpointId=" + otherEndpoint).json().getJsonArray("endpoints")
                    .getJsonObject(0).getValue("location")).as("the other commune's endpoint was not touched").isNull();
        }
    }
}
