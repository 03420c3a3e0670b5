package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Audit trail: every change and sensitive read with who, when, what and from where; hash-chained")
class AuditApiTest {

    @TempDir
    static Path dir;
    static TestController controller;
    static long commune;
    static long otherCommune;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        commune = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã A")).json().getLong("id");
        otherCommune = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã B")).json()
                .getLong("id");
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    /** Records are appended just after the answer: wait for the one wanted. */
    private static JsonObject awaitRecord(HttpApi api, Predicate<JsonObject> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<JsonObject> all = all(api);
            for (JsonObject r : all) {
                if (wanted.test(r)) {
                    return r;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no such audit record among " + all);
            }
            Thread.sleep(50);
        }
    }

    private static List<JsonObject> all(HttpApi api) {
        HttpApi.Answer a = api.get("/api/v1/audit?limit=500");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().getJsonArray("records").stream().map(o -> (JsonObject) o).toList();
    }

    @Test
    @DisplayName("a change is recorded with actor, role, area, address, the object, its state after and before")
    void changes() throws Exception {
        HttpApi operator = controller.as(Role.OPERATOR, commune);
        long endpoint = operator.post("/api/v1/endpoints", new JsonObject().put("name", "Loa A").put("kind", "SPEAKER")
                .put("areaId", commune)).json().getLong("id");
        operator.put("/api/v1/endpoints/" + endpoint + "/profile", new JsonObject().put("profile", "speaker-speech"));

        JsonObject created = awaitRecord(controller.api(), r -> ("endpoints/" + endpoint).equals(r.getString("object"))
                && r.getString("action").equals("POST /api/v1/endpoints"));
        assertThat(created.getString("actor")).startsWith("token:OPERATOR");
        assertThat(created.getString("role")).isEqualTo("OPERATOR");
        assertThat(created.getLong("areaId")).isEqualTo(commune);
        assertThat(created.getString("address")).isEqualTo("127.0.0.1");
        assertThat(created.getInteger("outcome")).isEqualTo(201);
        assertThat(new JsonObject(created.getString("after")).getString("name")).isEqualTo("Loa A");
        assertThat(created.getString("before")).isNull();

        JsonObject changed = awaitRecord(controller.api(), r -> r.getString("action")
                .equals("PUT /api/v1/endpoints/{id}/profile"));
        assertThat(changed.getString("object")).isEqualTo("endpoints/" + endpoint);
        assertThat(changed.getString("before")).isEqualTo(created.getString("after"));
        assertThat(changed.getLong("at")).isGreaterThanOrEqualTo(created.getLong("at"));
    }

    @Test
    @DisplayName("refusals are recorded too; secrets in answers (passwords, tokens) never reach the trail")
    void refusalsAndSecrets() throws Exception {
        HttpApi viewer = controller.as(Role.VIEWER, commune);
        assertThat(viewer.post("/api/v1/areas", new JsonObject().put("name", "x")).status()).isEqualTo(403);
        JsonObject refused = awaitRecord(controller.api(), r -> r.getInteger("outcome") == 403
                && r.getString("action").equals("POST /api/v1/areas"));
        assertThat(refused.getString("after")).isNull();

        String password = controller.createUser("audit.person", Role.EDITOR, commune);
        String token = controller.api().post("/api/v1/tokens", new JsonObject().put("name", "cổng").put("role", "VIEWER")
                .put("areaId", commune)).json().getString("token");
        awaitRecord(controller.api(), r -> r.getString("action").equals("POST /api/v1/tokens"));
        String everything = controller.api().get("/api/v1/audit?limit=500").body();
        assertThat(everything).contains("audit.person").doesNotContain(password).doesNotContain(token);
    }

    @Test
    @DisplayName("sensitive reads (reports, evidence, audit export) are recorded; only ADMINs read the trail, in their area")
    void readsAndScope() throws Exception {
        HttpApi viewer = controller.as(Role.VIEWER, commune);
        assertThat(viewer.get("/api/v1/reports?period=today").status()).isEqualTo(200);
        awaitRecord(controller.api(), r -> r.getString("action").equals("GET /api/v1/reports")
                && r.getString("actor").startsWith("token:VIEWER"));
        assertThat(viewer.get("/api/v1/audit").status()).isEqualTo(403);

        HttpApi otherAdmin = controller.as(Role.ADMIN, otherCommune);
        HttpApi communeAdmin = controller.as(Role.ADMIN, commune);
        otherAdmin.post("/api/v1/areas", new JsonObject().put("name", "Thôn B1").put("parentId", otherCommune));
        awaitRecord(otherAdmin, r -> r.getString("action").equals("POST /api/v1/areas"));
        assertThat(all(communeAdmin)).allMatch(r -> Long.valueOf(commune).equals(r.getLong("areaId")));

        HttpApi.Answer csv = controller.api().get("/api/v1/audit/export");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("seq,at,actor,role,areaId,address,action,object,outcome,before,after,hash");
        awaitRecord(controller.api(), r -> r.getString("action").equals("GET /api/v1/audit/export"));
    }

    @Test
    @DisplayName("the chain verifies; an altered record breaks it at that record")
    void chain() throws Exception {
        HttpApi admin = controller.api();
        admin.post("/api/v1/areas", new JsonObject().put("name", "Thôn A1").put("parentId", commune));
        awaitRecord(admin, r -> r.getString("action").equals("POST /api/v1/areas"));
        JsonObject intact = admin.get("/api/v1/audit/verify").json();
        assertThat(intact.getString("status")).isEqualTo("INTACT");
        assertThat(intact.getLong("records")).isPositive();

        try (Connection c = DriverManager.getConnection(controller.config().jdbcUrl(), "SA", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_record SET actor_name = 'someone else' WHERE seq = 1");
        }
        JsonObject broken = admin.get("/api/v1/audit/verify").json();
        assertThat(broken.getString("status")).isEqualTo("BROKEN");
        assertThat(broken.getLong("firstBadSeq")).isEqualTo(1);
    }
}
