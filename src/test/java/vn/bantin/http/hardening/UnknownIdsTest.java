package vn.bantin.http.hardening;

import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.ApiSpec;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An unknown id answers 404 (or 400 for a malformed one), never 500, on every operation with an id")
class UnknownIdsTest {

    @TempDir
    java.nio.file.Path dir;
    TestController controller;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.toString()));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("every /api/v1 operation of the OpenAPI document, its ids unknown or malformed")
    void everyOperation() {
        HttpApi api = controller.api();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Path path : ApiSpec.contract().getPaths()) {
            if (!path.getName().startsWith("/api/v1/") || !path.getName().contains("{")) {
                continue;
            }
            for (Operation op : path.getOperations()) {
                if (op.getHttpMethod().name().equals("HEAD")) {
                    continue;
                }
                for (String id : List.of("987654321", "0", "-1", "abc", "..%2F..%2Fetc", "1%27%20OR%201%3D1")) {
                    String url = path.getName().replaceAll("\\{[^}]+}", id);
                    HttpApi.Answer a = call(api, op.getHttpMethod().name(), url);
                    calls++;
                    if (a.status() >= 500 || a.status() < 400) {
                        failures.add(op.getHttpMethod() + " " + url + " → " + a.status() + " " + a.body());
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    private static HttpApi.Answer call(HttpApi api, String method, String url) {
        return switch (method) {
            case "GET" -> api.get(url);
            case "POST" -> api.post(url, "{}");
            case "PUT" -> api.put(url, new io.vertx.core.json.JsonObject());
            default -> api.delete(url);
        };
    }
}
