package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Audit trail for the audit screen: newest first with paging back, and every object of one kind")
class AuditPagingApiTest {

    @TempDir
    Path dir;

    private static List<JsonObject> records(HttpApi api, String query) {
        HttpApi.Answer a = api.get("/api/v1/audit?" + query);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().getJsonArray("records").stream().map(o -> (JsonObject) o).toList();
    }

    @Test
    @DisplayName("order=newest pages back with before=; object=areas matches areas/1, areas/2 and nothing else")
    void newestFirstAndKinds() throws Exception {
        try (TestController controller = TestController.start(dir.resolve("data"))) {
            HttpApi api = controller.api();
            for (String name : List.of("Xã A", "Xã B", "Xã C")) {
                assertThat(api.post("/api/v1/areas", new JsonObject().put("name", name)).status()).isEqualTo(201);
            }
            assertThat(api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa").put("kind", "SPEAKER"))
                    .status()).isEqualTo(201);
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(records(api, "object=endpoints")).hasSize(1));

            List<JsonObject> areas = records(api, "object=areas");
            assertThat(areas).extracting(r -> r.getString("object")).containsExactly("areas/1", "areas/2", "areas/3");
            assertThat(records(api, "object=areas/2")).hasSize(1);
            assertThat(records(api, "object=area")).isEmpty();

            HttpApi.Answer first = api.get("/api/v1/audit?order=newest&limit=2");
            JsonArray page = first.json().getJsonArray("records");
            assertThat(page.getJsonObject(0).getString("object")).isEqualTo("endpoints/1");
            assertThat(page.getJsonObject(0).getLong("seq")).isGreaterThan(page.getJsonObject(1).getLong("seq"));
            long next = first.json().getLong("next");
            assertThat(next).isEqualTo(page.getJsonObject(1).getLong("seq"));
            List<JsonObject> back = records(api, "order=newest&limit=2&before=" + next);
            assertThat(back).allMatch(r -> r.getLong("seq") < next);
            assertThat(records(api, "order=newest&object=areas")).extracting(r -> r.getString("object"))
                    .containsExactly("areas/3", "areas/2", "areas/1");
            assertThat(api.get("/api/v1/audit?order=newest&before=x").status()).isEqualTo(400);
        }
    }
}
