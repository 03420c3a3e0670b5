package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every field has a length limit that answers 400 naming it, and nothing is stored")
class FieldLimitsTest {

    @TempDir
    Path dir;
    TestController controller;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.toString()));
        api = controller.api();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("a 201-character area or endpoint name is 400 too_long naming the field and the limit")
    void names() {
        HttpApi.Answer area = api.post("/api/v1/areas", new JsonObject().put("name", "x".repeat(201)));
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.json().getString("code")).isEqualTo("too_long");
        assertThat(area.json().getString("error")).contains("'name'").contains("200");
        assertThat(api.get("/api/v1/areas").body()).doesNotContain("xxxxxxxx");

        long ok = api.post("/api/v1/areas", new JsonObject().put("name", "đ".repeat(200))).json().getLong("id");
        HttpApi.Answer endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa " + "a".repeat(300))
                .put("kind", "SPEAKER").put("areaId", ok));
        assertThat(endpoint.status()).isEqualTo(400);
        assertThat(endpoint.json().getString("error")).contains("'name'").contains("200");
        assertThat(api.get("/api/v1/endpoints").body()).doesNotContain("aaaaaaaa");
    }

    @Test
    @DisplayName("unauthenticated enrollment with a 4 KB name or a heap of hardware facts is refused, nothing pending")
    void enrollment() {
        SignedAgent device = new SignedAgent(controller.baseUrl());
        JsonObject hardware = new JsonObject();
        for (int i = 0; i < 40; i++) {
            hardware.put("fact" + i, "v".repeat(100));
        }
        for (JsonObject body : new JsonObject[] {
                device.enrollBody("SPEAKER", null).put("name", "n".repeat(4096)),
                device.enrollBody("SPEAKER", null).put("hardware", hardware),
                device.enrollBody("SPEAKER", null).put("hardware", new JsonObject().put("model", "m".repeat(4096)))}) {
            SignedAgent.Reply reply = device.post("/agent/v1/enroll", body);
            assertThat(reply.status()).as(reply.text()).isEqualTo(400);
            assertThat(reply.json().getString("error")).containsPattern("'(name|hardware[.a-z0-9]*)'");
        }
        assertThat(api.get("/api/v1/endpoints").body()).doesNotContain("nnnnnnnn").doesNotContain("mmmmmmmm");
    }
}
