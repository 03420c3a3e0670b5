package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;

/**
 * Reports print what things were called when they played: a campaign, an endpoint and a hamlet renamed after March
 * keep their March names in the March report; the year's report gives the new name with the earlier one; an
 * exception keeps the campaign's name at its due time.
 */
@DisplayName("Reports name campaigns, endpoints and areas as they were called in the period")
class ReportNamesAtPlayTimeTest {

    private static final String OLD = "Bản tin tháng Ba";
    private static final String NEW = "Bản tin Chuyển đổi số (đổi tên)";

    @TempDir
    Path dir;

    @Test
    void renamedAfterMarchKeepsItsMarchName() throws Exception {
        try (ReportWorld world = new ReportWorld(dir)) {
            long campaign = world.bulletin(OLD, "Chuyển đổi số", 6);
            JsonObject westEntry = ReportWorld.onlyEntry(world.westSpeaker);
            long due = westEntry.getLong("start");
            String sha = westEntry.getJsonArray("items").getJsonObject(0).getString("sha256");
            long march10 = LocalDateTime.of(2026, 3, 10, 6, 30).atZone(ReportWorld.ZONE).toInstant().toEpochMilli();
            ReportWorld.upload(world.eastSpeaker, world.eastSpeaker.chain().next("thang-ba-1", campaign, "ONCE", sha,
                    march10, march10 + 30, march10 + 1_030, "PLAYED", null));
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(System.currentTimeMillis())
                    .isGreaterThan(due + 100));
            ReportWorld.upload(world.westSpeaker, world.westSpeaker.chain().next(westEntry.getString("id"), campaign,
                    "ONCE", sha, due, null, null, "MISSED", "mất điện"));

            long assetId = world.api.get("/api/v1/campaigns/" + campaign).json().getJsonArray("playlist")
                    .getJsonObject(0).getLong("assetId");
            ok(world.api.put("/api/v1/campaigns/" + campaign, world.bulletinBody(NEW, "Chuyển đổi số", assetId,
                    Instant.now().plus(Duration.ofHours(2)))));
            ok(world.api.post("/api/v1/campaigns/" + campaign + "/approve", "{}"));
            ok(world.api.put("/api/v1/endpoints/" + world.eastSpeaker.endpointId(),
                    new JsonObject().put("name", "Cụm loa số 1")));
            ok(world.api.put("/api/v1/areas/" + world.east, new JsonObject().put("name", "Khu dân cư số 1")
                    .put("parentId", world.commune)));

            JsonObject march = report(world, "period=month&at=2026-03-15&areaId=" + world.commune);
            assertThat(line(march, "campaigns", campaign).getString("name")).isEqualTo(OLD);
            assertThat(line(march, "endpoints", world.eastSpeaker.endpointId()).getString("name"))
                    .isEqualTo("Cụm loa thôn Đông");
            assertThat(line(march, "areas", world.east).getString("name")).isEqualTo("Thôn Đông");

            JsonObject year = report(world, "period=year&at=2026-03-15&areaId=" + world.commune);
            assertThat(line(year, "campaigns", campaign).getString("name"))
                    .isEqualTo(NEW + " (trước đây: " + OLD + ")");
            assertThat(line(year, "endpoints", world.eastSpeaker.endpointId()).getString("name"))
                    .isEqualTo("Cụm loa số 1 (trước đây: Cụm loa thôn Đông)");

            JsonObject campaignScoped = report(world, "period=month&at=2026-03-15&campaignId=" + campaign);
            assertThat(campaignScoped.getJsonObject("scope").getString("campaignName")).isEqualTo(OLD);

            HttpApi.Answer exceptions = world.api.get("/api/v1/reports/exceptions?period=today&areaId="
                    + world.commune);
            ok(exceptions);
            JsonObject missed = exceptions.json().getJsonArray("items").stream().map(o -> (JsonObject) o)
                    .filter(i -> i.getLong("endpointId") == world.westSpeaker.endpointId()).findFirst().orElseThrow();
            assertThat(missed.getString("status")).isEqualTo("MISSED");
            assertThat(missed.getString("campaignName")).isEqualTo(OLD);
        }
    }

    private static JsonObject report(ReportWorld world, String query) {
        HttpApi.Answer a = world.api.get("/api/v1/reports?" + query);
        ok(a);
        return a.json();
    }

    private static JsonObject line(JsonObject report, String section, long id) {
        return report.getJsonArray(section).stream().map(o -> (JsonObject) o)
                .filter(r -> String.valueOf(id).equals(r.getString("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + section + " line " + id + " in " + report.encode()));
    }

    private static void ok(HttpApi.Answer a) {
        assertThat(a.status()).as(a.body()).isBetween(200, 201);
    }
}
