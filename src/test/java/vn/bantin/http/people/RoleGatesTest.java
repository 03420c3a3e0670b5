package vn.bantin.http.people;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Role gates on the management routes: 403 forbidden before anything is done")
class RoleGatesTest {

    @TempDir
    static Path dir;
    static TestController controller;
    static long commune;
    static final Map<Role, HttpApi> AS = new EnumMap<>(Role.class);

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        commune = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã Bom Bo")).json().getLong("id");
        for (Role role : Role.values()) {
            AS.put(role, controller.as(role, commune));
        }
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    private static int status(Role role, String method, String path, JsonObject body) {
        HttpApi api = AS.get(role);
        HttpApi.Answer a = switch (method) {
            case "GET" -> api.get(path);
            case "POST" -> api.post(path, body);
            default -> throw new IllegalArgumentException(method);
        };
        if (a.status() == 403) {
            assertThat(a.json().getString("code")).isEqualTo("forbidden");
        }
        return a.status();
    }

    @Test
    @DisplayName("everyone reads; only ADMIN makes areas; only ADMIN and OPERATOR make endpoints")
    void areasAndEndpoints() {
        for (Role role : Role.values()) {
            assertThat(status(role, "GET", "/api/v1/areas", null)).as(role.name()).isEqualTo(200);
            assertThat(status(role, "GET", "/api/v1/endpoints", null)).as(role.name()).isEqualTo(200);
        }
        JsonObject area = new JsonObject().put("name", "Thôn mới").put("parentId", commune);
        assertThat(status(Role.ADMIN, "POST", "/api/v1/areas", area)).isEqualTo(201);
        for (Role role : new Role[] {Role.EDITOR, Role.APPROVER, Role.OPERATOR, Role.VIEWER}) {
            assertThat(status(role, "POST", "/api/v1/areas", area)).as(role.name()).isEqualTo(403);
        }
        JsonObject endpoint = new JsonObject().put("name", "Loa").put("kind", "SPEAKER").put("areaId", commune);
        assertThat(status(Role.OPERATOR, "POST", "/api/v1/endpoints", endpoint)).isEqualTo(201);
        assertThat(status(Role.EDITOR, "POST", "/api/v1/endpoints", endpoint)).isEqualTo(403);
        assertThat(status(Role.VIEWER, "POST", "/api/v1/endpoints", endpoint)).isEqualTo(403);
    }

    @Test
    @DisplayName("editors build campaigns but do not approve; approvers approve but do not build; viewers do neither")
    void contentAndApproval() {
        JsonObject campaign = new JsonObject().put("name", "Bản tin").put("startDate", "2027-01-01")
                .put("endDate", "2027-01-31").put("playlist", new io.vertx.core.json.JsonArray())
                .put("slots", new io.vertx.core.json.JsonArray());
        assertThat(status(Role.APPROVER, "POST", "/api/v1/campaigns", campaign)).isEqualTo(403);
        assertThat(status(Role.VIEWER, "POST", "/api/v1/campaigns", campaign)).isEqualTo(403);
        assertThat(status(Role.EDITOR, "POST", "/api/v1/campaigns/1/approve", new JsonObject())).isEqualTo(403);
        assertThat(status(Role.OPERATOR, "POST", "/api/v1/assets/1/approve", new JsonObject())).isEqualTo(403);
        assertThat(status(Role.APPROVER, "POST", "/api/v1/campaigns/999/approve", new JsonObject())).isEqualTo(404);
        assertThat(status(Role.VIEWER, "POST", "/api/v1/tts", new JsonObject().put("text", "xin chào")))
                .isEqualTo(403);
        assertThat(status(Role.VIEWER, "POST", "/api/v1/uploads", new JsonObject())).isEqualTo(403);
    }

    @Test
    @DisplayName("alerts are fired by ADMIN, APPROVER and OPERATOR only; people and tokens are ADMIN's")
    void alertsAndPeople() {
        JsonObject alert = new JsonObject().put("text", "Bão số 3").put("targets", new JsonObject());
        assertThat(status(Role.EDITOR, "POST", "/api/v1/alerts", alert)).isEqualTo(403);
        assertThat(status(Role.VIEWER, "POST", "/api/v1/alerts", alert)).isEqualTo(403);
        for (Role role : new Role[] {Role.EDITOR, Role.APPROVER, Role.OPERATOR, Role.VIEWER}) {
            assertThat(status(role, "GET", "/api/v1/users", null)).as(role.name()).isEqualTo(403);
            assertThat(status(role, "POST", "/api/v1/tokens", new JsonObject().put("name", "x").put("role", "ADMIN")))
                    .as(role.name()).isEqualTo(403);
        }
        assertThat(status(Role.ADMIN, "GET", "/api/v1/users", null)).isEqualTo(200);
        assertThat(status(Role.VIEWER, "GET", "/api/v1/session", null)).isEqualTo(200);
    }
}
