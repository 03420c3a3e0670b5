package vn.bantin.http.evidence;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.PlayChain;
import vn.bantin.support.PostgresServer;
import vn.bantin.support.SignedAgent;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same evidence code on a real PostgreSQL server: every migration runs, acknowledgements list ranges,
 * the plan is recorded, the evidence verifies, and the database refuses to rewrite a record.
 */
@DisplayName("Evidence on PostgreSQL through the same code")
class PostgresEvidenceTest {

    @TempDir
    Path dir;

    @Test
    void evidenceOnPostgres() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            PlanWorld world = new PlanWorld(dir, Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                    ConfigLoader.JDBC_URL, pg.jdbcUrl(), ConfigLoader.JDBC_USER, "postgres",
                    ConfigLoader.JDBC_PASSWORD, ""));
            try (world) {
                long endpoint = world.speaker("Cụm loa thôn Đông");
                world.campaign("Bản tin sáng", "NORMAL", PlanWorld.daily("ONCE", "0 6 * * *", null));
                LocalDate today = world.today();
                assertThat(world.items(endpoint, today, today.plusDays(12))).hasSizeGreaterThanOrEqualTo(7);

                SignedAgent agent = new SignedAgent(world.controller.baseUrl());
                String code = world.api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json()
                        .getString("code");
                assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
                JsonArray records = new PlayChain(agent).nextSigned(5);
                records.remove(2);
                JsonObject ack = agent.postPlays(records).json();
                assertThat(ack.getJsonArray("held").encode()).isEqualTo("[[1,2],[4,5]]");

                JsonObject status = world.api.get("/api/v1/endpoints/" + endpoint + "/evidence").json();
                assertThat(status.getString("status")).isEqualTo("GAPS");
                JsonObject verification = world.api.get("/api/v1/evidence/verification?endpointId=" + endpoint
                        + "&from=2025-11-01&to=2025-11-30").json();
                assertThat(verification.getJsonArray("devices").getJsonObject(0).getJsonArray("findings")
                        .getJsonObject(0).getString("kind")).isEqualTo("GAP");
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "")) {
                assertThatThrownBy(() -> exec(c, "UPDATE play_record SET outcome = 'MISSED'"))
                        .hasMessageContaining("append-only");
                assertThatThrownBy(() -> exec(c, "DELETE FROM play_record")).hasMessageContaining("append-only");
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
