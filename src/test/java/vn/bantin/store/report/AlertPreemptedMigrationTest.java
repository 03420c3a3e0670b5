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
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.Preemption;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.Database;
import vn.bantin.store.report.RollupRepository.Grain;

/**
 * V130 on a database at V126 (main's last migration before it) holding a relay window's counts and what a live
 * session took of it: the upgrade runs, the cells keep their counts with nothing yielded to alerts, the session's
 * stretch reads back as the session's, and what an alert takes can be stored and counted from then on.
 */
@DisplayName("A database at V126 upgrades to count what alerts took of loop and relay windows")
class AlertPreemptedMigrationTest {

    static final String WINDOW = "(7, 'relay-1', DATE '2026-03-02', 'AUDIO', 1772416800000, %d, %d, %d, 2%s)";

    @Test
    void upgradesFromV126(@TempDir Path dir) throws SQLException {
        long start = 1772416800000L;
        MigrationWorld world = MigrationWorld.at(dir, "126").seed(
                "INSERT INTO report_day (endpoint_id, campaign_id, kind, local_day, loop_expected_ms, loop_played_ms,"
                        + " loop_preempted_ms) VALUES (7, 2, 'AUDIO', DATE '2026-03-02', 3600000, 2400000, 600000)",
                "INSERT INTO report_month (endpoint_id, campaign_id, kind, local_day, loop_expected_ms, loop_played_ms,"
                        + " loop_preempted_ms) VALUES (7, 2, 'AUDIO', DATE '2026-03-01', 3600000, 2400000, 600000)",
                "INSERT INTO report_window (endpoint_id, entry_id, local_day, kind, window_start_ms, start_ms, end_ms,"
                        + " ms, campaign_id, reason) VALUES " + WINDOW.formatted(start, start + 3_600_000, 3_600_000,
                        ", NULL"),
                "INSERT INTO report_window_live (endpoint_id, entry_id, local_day, kind, window_start_ms, start_ms,"
                        + " end_ms, ms, campaign_id, session_id) VALUES " + WINDOW.formatted(start + 600_000,
                        start + 1_200_000, 600_000, ", 5"));
        try (Database db = world.upgrade()) {
            assertThat(world.appliedVersions()).contains("126", "130");
            RollupKey key = new RollupKey(7, 2, AssetKind.AUDIO, LocalDate.of(2026, 3, 2));
            Figures before = day(db, key);
            assertThat(before.get(Measure.LOOP_ALERT_MS)).isZero();
            assertThat(before.get(Measure.LOOP_PREEMPTED_MS)).isEqualTo(600_000);
            assertThat(before.loopCompletionRate()).as("40 of the 50 minutes the session left").isEqualTo(0.8);
            WindowRepository windows = new WindowRepository();
            List<PreemptedPart> taken = db.read(c -> windows.takenOfEntry(c, 7, "relay-1"));
            assertThat(taken).extracting(PreemptedPart::by, PreemptedPart::byId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Preemption.By.LIVE_SESSION, 5L));

            WindowPart alertStretch = new WindowPart(7, "relay-1", key.day(), AssetKind.AUDIO, start,
                    start + 1_800_000, start + 1_860_000, 60_000, 2, null);
            db.tx(c -> {
                windows.insertTaken(c, List.of(new PreemptedPart(alertStretch, Preemption.By.ALERT, 3)));
                new RollupRepository().add(c, Map.of(key, new Figures().add(Measure.LOOP_ALERT_MS, 60_000)));
                return null;
            });
            List<PreemptedPart> both = db.read(c -> windows.takenOf(c, 7, key.day(), key.day(), Long.MAX_VALUE));
            assertThat(both).extracting(PreemptedPart::by, PreemptedPart::byId).containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Preemption.By.LIVE_SESSION, 5L),
                            org.assertj.core.groups.Tuple.tuple(Preemption.By.ALERT, 3L));
            Figures after = day(db, key);
            assertThat(after.get(Measure.LOOP_ALERT_MS)).isEqualTo(60_000);
            assertThat(after.loopCompletionBase()).as("less the session's 10 minutes and the alert's one")
                    .isEqualTo(2_940_000);
            assertThat(world.indexNames("ALERT_DELIVERY")).contains("ALERT_DELIVERY_ENDPOINT");
            db.tx(c -> {
                windows.deleteTaken(c, 7, "relay-1");
                return null;
            });
            List<PreemptedPart> none = db.read(c -> windows.takenOfEntry(c, 7, "relay-1"));
            assertThat(none).isEmpty();
        }
    }

    private static Figures day(Database db, RollupKey key) {
        List<RollupRepository.Cell> cells = MigrationWorld.cells(db, Grain.DAY, key.day(), key.day(), key.endpointId());
        assertThat(cells).hasSize(1);
        return cells.get(0).figures();
    }
}
