package vn.bantin.http.people;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.support.ApiSpec;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Permission;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every management operation in the OpenAPI document declares the permission its route checks")
class DeclaredPermissionsTest {

    @TempDir
    Path dir;

    static Set<String> documentedOperations() {
        JsonObject paths = ApiSpec.document().getJsonObject("paths");
        Set<String> out = new TreeSet<>();
        for (String path : paths.fieldNames()) {
            if (path.startsWith("/api/v1/")) {
                for (String method : paths.getJsonObject(path).fieldNames()) {
                    out.add(method.toUpperCase() + " " + path);
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("documented operations and gated routes are the same set; public ones need no security entry")
    void everyOperationDeclared() throws Exception {
        try (TestController c = TestController.start(dir.resolve("data"))) {
            Map<String, Permission> declared = c.controller().permissions().byOperation();

            assertThat(new TreeSet<>(declared.keySet())).containsExactlyElementsOf(documentedOperations());
            assertThat(declared.entrySet().stream().filter(e -> e.getValue() == Permission.PUBLIC).map(Map.Entry::getKey))
                    .containsExactlyInAnyOrder("GET /api/v1/health", "GET /api/v1/openapi.json",
                            "POST /api/v1/session", "GET /api/v1/session", "DELETE /api/v1/session",
                            "POST /api/v1/setup", "GET /api/v1/tls/ca.crt");
        }
    }
}
