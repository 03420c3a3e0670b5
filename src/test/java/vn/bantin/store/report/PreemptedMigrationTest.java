package vn.bantin.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.store.Database;
import vn.bantin.store.Sql;
import vn.bantin.store.report.RollupRepository.Cell;
import vn.bantin.store.report.RollupRepository.Grain;

/**
 * V125 on a database already at V115 (main's last migration before it): the upgrade runs, the cells it had keep their
 * counts with nothing preempted, and preempted broadcasts and loop airtime can be counted from then on.
 */
@DisplayName("A database at V115 upgrades to count what live sessions took the air from")
class PreemptedMigrationTest {

    @Test
    void upgradesFromV115(@TempDir Path dir) throws SQLException {
        MigrationWorld world = MigrationWorld.at(dir, "115").seed(
                "INSERT INTO report_day (endpoint_id, campaign_id, kind, local_day, once_played, once_missed,"
                        + " loop_expected_ms) VALUES (7, 2, 'AUDIO', DATE '2026-03-02', 3, 1, 7200000)",
                "INSERT INTO report_month (endpoint_id, campaign_id, kind, local_day, once_played, once_missed,"
                        + " loop_expected_ms) VALUES (7, 2, 'AUDIO', DATE '2026-03-01', 3, 1, 7200000)");
        try (Database db = world.upgrade()) {
            assertThat(world.appliedVersions()).contains("115", "125");
            RollupKey key = new RollupKey(7, 2, AssetKind.AUDIO, LocalDate.of(2026, 3, 2));
            Figures before = day(db, key);
            assertThat(before.get(Measure.PLAYED)).isEqualTo(3);
            assertThat(before.expected()).isEqualTo(4);
            assertThat(before.get(Measure.PREEMPTED_LIVE)).isZero();
            assertThat(before.get(Measure.LOOP_PREEMPTED_MS)).isZero();
            assertThat(before.completionRate()).isEqualTo(0.75);

            db.tx(c -> {
                new RollupRepository().add(c, Map.of(key, new Figures().add(Measure.PREEMPTED_LIVE, 1)
                        .add(Measure.LOOP_PREEMPTED_MS, 1_800_000)));
                return null;
            });
            Figures after = day(db, key);
            assertThat(after.get(Measure.PREEMPTED_LIVE)).isEqualTo(1);
            assertThat(after.completionRate()).as("3 played of the 4 not preempted").isEqualTo(0.75);
            assertThat(after.loopCompletionBase()).isEqualTo(5_400_000);
            long live = db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM report_window_live", rs -> rs.getLong(1))
                    .orElseThrow());
            assertThat(live).isZero();
        }
    }

    private static Figures day(Database db, RollupKey key) {
        List<Cell> cells = MigrationWorld.cells(db, Grain.DAY, key.day(), key.day(), key.endpointId());
        assertThat(cells).hasSize(1);
        return cells.get(0).figures();
    }
}
