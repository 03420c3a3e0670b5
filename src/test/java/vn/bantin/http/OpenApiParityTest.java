package vn.bantin.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.ApiSpec;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The OpenAPI document and the routes the controller serves are the same set")
class OpenApiParityTest {

    @TempDir
    java.nio.file.Path dir;
    private TestController controller;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(vn.bantin.config.ConfigLoader.DATA_DIR, dir.toString()));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("every /api and /agent route with a method has an operation in the document, and every operation a"
            + " route")
    void parity() {
        Set<String> served = new TreeSet<>();
        for (Route route : controller.routes()) {
            String path = route.getPath();
            boolean api = path != null && (path.startsWith("/api/") || path.startsWith("/agent/"));
            if (!api || route.methods() == null || route.methods().isEmpty()) {
                continue;
            }
            for (HttpMethod m : route.methods()) {
                served.add(m.name() + " " + path);
            }
        }
        Set<String> declared = new TreeSet<>();
        for (Path p : ApiSpec.contract().getPaths()) {
            for (Operation op : p.getOperations()) {
                declared.add(op.getHttpMethod().name() + " " + p.getName().replaceAll("\\{([^}]+)}", ":$1"));
            }
        }
        assertThat(declared.stream().filter(d -> !served.contains(d)).toList())
                .as("OpenAPI operations without a route").isEmpty();
        assertThat(served.stream().filter(s -> !declared.contains(s)).toList())
                .as("routes without an OpenAPI operation").isEmpty();
    }

    @Test
    @DisplayName("the served document is the assembled one, and unknown API paths answer a JSON 404")
    void servedDocument() {
        HttpApi api = new HttpApi(controller.baseUrl(), controller.token());
        HttpApi.Answer doc = api.withoutToken().get("/api/v1/openapi.json");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json()).isEqualTo(ApiSpec.document());
        HttpApi.Answer missing = api.get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().getString("code")).isEqualTo("no_such_route");
    }
}
