package vn.bantin.http.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.HttpApi;
import vn.bantin.support.PlayChain;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record keeps the names of what it played when it played: renaming the campaign, renaming the area and
 * deleting the endpoint and the asset afterwards (as an administrator could, straight in the database)
 * changes neither the record nor its names.
 */
@DisplayName("Records keep their names and bytes through renames and deletions of what they name")
class RecordsKeepTheirNamesTest {

    @TempDir
    Path dir;

    @Test
    void namesAtPlayTimeSurvive() throws Exception {
        String token = "names-test-token-0123456789";
        Map<String, String> keys = Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ADMIN_TOKEN, token);
        PlanWorld world = new PlanWorld(dir, keys);
        long endpointId;
        long campaignId;
        JsonObject stored;
        try (world) {
            endpointId = world.speaker("Cụm loa thôn Đông");
            campaignId = world.campaign("Bản tin sáng", "NORMAL",
                    PlanWorld.onceAt(Instant.now().plus(Duration.ofMinutes(30)), 15));
            SignedAgent agent = new SignedAgent(world.controller.baseUrl());
            String code = world.api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json()
                    .getString("code");
            assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
            JsonObject entry = agent.get("/agent/v1/timeline").json().getJsonArray("entries").getJsonObject(0);
            String payload = new PlayChain(agent).nextPayload(p -> p.put("entryId", entry.getString("id"))
                    .put("campaignId", campaignId).put("sha256", entry.getJsonArray("items").getJsonObject(0)
                            .getString("sha256")));
            assertThat(agent.postPlays(new JsonArray().add(agent.signedRecord(payload))).status()).isEqualTo(200);

            HttpApi.Answer renamed = world.api.put("/api/v1/campaigns/" + campaignId, world.campaignBody(
                    "Bản tin sáng (đổi tên)", "NORMAL", PlanWorld.onceAt(Instant.now().plus(Duration.ofMinutes(30)), 15)));
            assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
            stored = onlyRecord(world.api);
            assertThat(stored.getString("payload")).isEqualTo(payload);
        }
        try (Connection c = DriverManager.getConnection(world.controller.config().jdbcUrl(), "SA", "")) {
            exec(c, "UPDATE area SET name = 'Phường mới' WHERE id = " + world.areaId);
            deleteWithDependents(c, "endpoint", endpointId);
            deleteWithDependents(c, "campaign", campaignId);
            deleteWithDependents(c, "asset", world.assetId);
            exec(c, "SHUTDOWN");
        }

        try (TestController again = TestController.start(keys)) {
            JsonObject after = onlyRecord(again.api());
            assertThat(after).isEqualTo(stored);
            JsonObject names = after.getJsonObject("names");
            assertThat(names.getString("campaign")).isEqualTo("Bản tin sáng");
            assertThat(names.getString("endpoint")).isEqualTo("Cụm loa thôn Đông");
            assertThat(names.getString("area")).isEqualTo("Xã Gia Viên");
            assertThat(names.getString("asset")).isEqualTo(world.assetName);
        }
    }

    private static JsonObject onlyRecord(HttpApi api) {
        JsonArray plays = api.get("/api/v1/plays").array();
        assertThat(plays).hasSize(1);
        return plays.getJsonObject(0);
    }

    /** Deletes a row and, first, every row that references it through a foreign key, however deep. */
    private static void deleteWithDependents(Connection c, String table, long id) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        List<String[]> references = new ArrayList<>();
        try (ResultSet refs = meta.getExportedKeys(null, "PUBLIC", table.toUpperCase())) {
            while (refs.next()) {
                references.add(new String[] {refs.getString("FKTABLE_NAME"), refs.getString("FKCOLUMN_NAME")});
            }
        }
        for (String[] ref : references) {
            for (long child : ids(c, ref[0], ref[1], id)) {
                deleteWithDependents(c, ref[0], child);
            }
            exec(c, "DELETE FROM " + ref[0] + " WHERE " + ref[1] + " = " + id);
        }
        exec(c, "DELETE FROM " + table + " WHERE id = " + id);
    }

    /** The ids of the rows of a table referencing {@code id}, when that table has an id column. */
    private static List<Long> ids(Connection c, String table, String column, long id) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet cols = c.getMetaData().getColumns(null, "PUBLIC", table, "ID")) {
            if (!cols.next()) {
                return out;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + column + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
