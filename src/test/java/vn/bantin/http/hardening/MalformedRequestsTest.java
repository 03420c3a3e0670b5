package vn.bantin.http.hardening;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Enrollment;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TableCounts;
import vn.bantin.support.TestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Malformed, oversized and deeply nested JSON: a clear 400/413 on both APIs, nothing stored, still serving")
class MalformedRequestsTest {

    private static final List<String> MALFORMED = List.of("{\"name\":", "{\"name\": \"x\",}", "not json", "[1,2,3]",
            "{\"name\": NaN}", "{\"name\": \"\\uZZZZ\"}", "\"just a string\"", "{\"name\": 12}", "{\"name\": null}",
            "{\"name\": {\"$gt\": \"\"}}", "{} {}", "\u0000\u0001");

    @TempDir
    static Path dir;
    private static TestController controller;
    private static HttpApi api;
    private static SignedAgent device;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString()));
        api = controller.api();
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên")).json().getLong("id");
        device = new SignedAgent(controller.baseUrl());
        Enrollment.speaker(api, area, "Loa 1", device);
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    @Test
    @DisplayName("management API: each malformed body is 400 with a code and a Vietnamese/English message")
    void managementBodies() throws Exception {
        String before = TableCounts.of(controller);
        for (String body : MALFORMED) {
            for (String path : List.of("/api/v1/areas", "/api/v1/endpoints", "/api/v1/campaigns", "/api/v1/alerts")) {
                HttpApi.Answer a = api.post(path, body);
                assertThat(a.status()).as(path + " " + body + " → " + a.body()).isEqualTo(400);
                assertThat(a.json().getString("code")).isNotBlank();
                assertThat(a.json().getString("error")).contains(" / ");
            }
        }
        assertThat(TableCounts.of(controller)).isEqualTo(before);
    }

    @Test
    @DisplayName("nesting 100,000 deep and a body over the limit are refused without a 500, and the server still answers")
    void nestedAndOversized() throws Exception {
        String before = TableCounts.of(controller);
        String deep = "{\"name\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        HttpApi.Answer nested = api.post("/api/v1/areas", deep);
        assertThat(nested.status()).as(nested.body()).isIn(400, 413);
        String wide = "{\"name\":\"x\",\"tags\":[" + "\"a\",".repeat(600_000) + "\"a\"]}";
        HttpApi.Answer large = api.post("/api/v1/endpoints", wide);
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().getString("code")).isEqualTo("too_large");

        SignedAgent.Reply agentNested = device.post("/agent/v1/heartbeat", deep.getBytes(StandardCharsets.UTF_8));
        assertThat(agentNested.status()).as(agentNested.text()).isIn(400, 413);
        SignedAgent.Reply agentMalformed = device.post("/agent/v1/plays", "{\"batch\":".getBytes(StandardCharsets.UTF_8));
        assertThat(agentMalformed.status()).isEqualTo(400);
        SignedAgent.Reply unsignedHuge = device.send("POST", "/agent/v1/enroll",
                ("{\"publicKey\":\"" + "A".repeat(5_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unsignedHuge.status()).isEqualTo(413);

        assertThat(TableCounts.of(controller)).isEqualTo(before);
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(controller.baseUrl() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
