package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.HttpApi;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Reports API: a commune's bulletin played in one hamlet, missed in the other")
class ReportApiTest {

    @TempDir
    static Path dir;
    ReportWorld world;
    long campaign;

    @BeforeAll
    void play() throws Exception {
        world = new ReportWorld(dir);
        campaign = world.bulletinPlayedEastMissedWest();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    JsonObject report(String query) {
        HttpApi.Answer a = world.api.get("/api/v1/reports?" + query);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    static JsonObject row(JsonArray rows, String key) {
        return rows.stream().map(o -> (JsonObject) o).filter(r -> key.equals(r.getString("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows.encode()));
    }

    @Test
    @DisplayName("the commune: expected, played, missed, completion, airtime and coverage by people and households")
    void commune() {
        JsonObject r = report("period=today&areaId=" + world.commune);

        assertThat(r.getJsonObject("scope").getString("areaName")).isEqualTo("Xã Gia Viên");
        assertThat(r.getJsonObject("period").getString("kind")).isEqualTo("day");
        JsonObject c = row(r.getJsonArray("campaigns"), String.valueOf(campaign));
        assertThat(c.getString("name")).isEqualTo("Tuyên truyền Nghị quyết 57");
        assertThat(c.getString("detail")).isEqualTo("Chuyển đổi số");
        JsonObject b = c.getJsonObject("broadcasts");
        assertThat(b.getLong("expected")).isEqualTo(2);
        assertThat(b.getLong("played")).isEqualTo(1);
        assertThat(b.getDouble("completionRate")).isEqualTo(0.5);
        assertThat(b.getJsonObject("byReason").getLong("missed")).isEqualTo(1);
        assertThat(c.getLong("airtimeMs")).isEqualTo(1_000);
        JsonObject coverage = c.getJsonObject("coverage");
        assertThat(coverage.getLong("population")).isEqualTo(10_000);
        assertThat(coverage.getLong("reachedPopulation")).isEqualTo(3_000);
        assertThat(coverage.getDouble("populationShare")).isEqualTo(0.3);
        assertThat(coverage.getLong("households")).isEqualTo(300);
        assertThat(coverage.getLong("reachedHouseholds")).isEqualTo(200);

        assertThat(r.getJsonArray("areas").stream().map(o -> ((JsonObject) o).getString("name")))
                .containsExactly("Thôn Tây", "Thôn Đông");
        JsonObject eastRow = row(r.getJsonArray("endpoints"), String.valueOf(world.eastSpeaker.endpointId()));
        assertThat(eastRow.getJsonObject("evidence").getString("text")).isEqualTo("Đã xác minh chữ ký, đủ bản ghi");
        assertThat(eastRow.getString("detail")).isEqualTo("Thôn Đông");
        assertThat(row(r.getJsonArray("topics"), "Chuyển đổi số").getJsonObject("broadcasts").getLong("expected"))
                .isEqualTo(2);
        assertThat(row(r.getJsonArray("contentKinds"), "AUDIO").getLong("airtimeMs")).isEqualTo(1_000);
    }

    @Test
    @DisplayName("the province rolls the commune up; a hamlet sees only its own speaker")
    void rollUp() {
        JsonObject province = report("period=month&areaId=" + world.province);
        JsonObject communeRow = row(province.getJsonArray("areas"), String.valueOf(world.commune));
        assertThat(communeRow.getJsonObject("broadcasts").getLong("expected")).isEqualTo(2);
        assertThat(communeRow.getJsonObject("coverage").getLong("reachedPopulation")).isEqualTo(3_000);
        assertThat(province.getJsonObject("total").getJsonObject("broadcasts").getLong("played")).isEqualTo(1);

        JsonObject west = report("period=quarter&areaId=" + world.west + "&campaignId=" + campaign);
        assertThat(west.getJsonArray("endpoints")).hasSize(1);
        assertThat(west.getJsonObject("total").getJsonObject("broadcasts").getLong("played")).isZero();
        assertThat(west.getJsonObject("total").getJsonObject("coverage").getDouble("populationShare")).isEqualTo(0.0);
    }

    @Test
    @DisplayName("a hamlet's staff get their own hamlet's report and never see another's")
    void scoped() {
        HttpApi west = world.controller.as(Role.EDITOR, world.west);

        HttpApi.Answer own = west.get("/api/v1/reports?period=today");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().getJsonObject("scope").getLong("areaId")).isEqualTo(world.west);
        assertThat(own.json().getJsonArray("endpoints")).hasSize(1);
        assertThat(west.get("/api/v1/reports?period=today&areaId=" + world.east).status()).isEqualTo(404);
        assertThat(west.get("/api/v1/reports?period=today&areaId=" + world.commune + "&format=pdf").status())
                .isEqualTo(404);
        HttpApi westAdmin = world.controller.as(Role.ADMIN, world.west);
        assertThat(westAdmin.put("/api/v1/areas/" + world.east + "/population", new JsonObject().put("population", 1))
                .status()).isEqualTo(404);
        assertThat(westAdmin.put("/api/v1/endpoints/" + world.eastSpeaker.endpointId() + "/households",
                new JsonObject().put("households", 1)).status()).isEqualTo(404);
        assertThat(westAdmin.put("/api/v1/endpoints/" + world.westSpeaker.endpointId() + "/households",
                new JsonObject().put("households", 100)).status()).isEqualTo(200);
        assertThat(world.controller.as(Role.VIEWER, world.west).put("/api/v1/areas/" + world.west + "/population",
                new JsonObject().put("population", 2_000)).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("the exceptions one by one: which speaker, which bulletin, when and why, paged and scoped")
    void exceptions() {
        HttpApi.Answer a = world.api.get("/api/v1/reports/exceptions?period=today&areaId=" + world.commune);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonArray items = a.json().getJsonArray("items");
        long counted = report("period=today&areaId=" + world.commune).getJsonObject("total")
                .getJsonObject("broadcasts").getLong("exceptions");
        assertThat(items).hasSize((int) counted).hasSize(1);
        JsonObject missed = items.getJsonObject(0);
        assertThat(missed.getLong("endpointId")).isEqualTo(world.westSpeaker.endpointId());
        assertThat(missed.getString("endpointName")).isEqualTo("Cụm loa thôn Tây");
        assertThat(missed.getString("areaName")).isEqualTo("Thôn Tây");
        assertThat(missed.getString("campaignName")).isEqualTo("Tuyên truyền Nghị quyết 57");
        assertThat(missed.getString("status")).isEqualTo("MISSED");
        assertThat(missed.getString("statusName")).isEqualTo("Bỏ lỡ");
        assertThat(missed.getString("dueLocal")).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
        assertThat(a.json().getBoolean("more")).isFalse();

        JsonObject firstPage = world.api.get("/api/v1/reports/exceptions?period=today&limit=1&areaId="
                + world.commune).json();
        assertThat(firstPage.getJsonArray("items")).hasSize(1);
        assertThat(world.api.get("/api/v1/reports/exceptions?period=today&offset=1&areaId=" + world.commune).json()
                .getJsonArray("items")).isEmpty();
        assertThat(world.api.get("/api/v1/reports/exceptions?period=today&areaId=" + world.east).json()
                .getJsonArray("items")).isEmpty();
        assertThat(world.controller.as(Role.VIEWER, world.east).get("/api/v1/reports/exceptions?period=today&areaId="
                + world.west).status()).isEqualTo(404);
        HttpApi.Answer tooMany = world.api.get("/api/v1/reports/exceptions?limit=501");
        assertThat(tooMany.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a period that has not begun expects nothing; bad input is refused in both languages")
    void refusals() {
        String tomorrow = java.time.LocalDate.now(ReportWorld.ZONE).plusDays(1).toString();
        JsonObject ahead = report("period=custom&from=" + tomorrow + "&to=" + tomorrow);
        assertThat(ahead.getJsonObject("total").getJsonObject("broadcasts").getLong("expected")).isZero();

        assertThat(world.api.get("/api/v1/reports?period=week").status()).isEqualTo(400);
        assertThat(world.api.get("/api/v1/reports?period=custom&from=2026-02-30&to=2026-03-01").body())
                .contains("YYYY-MM-DD");
        assertThat(world.api.get("/api/v1/reports?areaId=999").status()).isEqualTo(404);
        assertThat(world.api.get("/api/v1/reports?areaId=x").status()).isEqualTo(400);
        assertThat(world.api.get("/api/v1/reports?format=docx").body()).contains("'format' phải là");
        assertThat(world.api.get("/api/v1/reports?format=csv&by=week").status()).isEqualTo(400);
        HttpApi.Answer negative = world.api.put("/api/v1/areas/" + world.east + "/population",
                new JsonObject().put("population", -5));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("'population'");
        assertThat(world.api.put("/api/v1/endpoints/999/households", new JsonObject().put("households", 5)).status())
                .isEqualTo(404);
        assertThat(report("period=today&areaId=" + world.east).getJsonObject("total").getJsonObject("coverage")
                .getLong("population")).isEqualTo(3_000);
    }
}
