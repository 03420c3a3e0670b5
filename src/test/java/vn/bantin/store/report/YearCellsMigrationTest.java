package vn.bantin.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
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

/** V16 on a database that already has monthly cells: year cells equal to their months, airtime month by month. */
@DisplayName("Year cells are filled from the monthly cells a database already has")
class YearCellsMigrationTest {

    @Test
    void filledFromMonths(@TempDir Path dir) throws SQLException {
        String insert = "INSERT INTO report_month (endpoint_id, campaign_id, kind, local_day, once_played,"
                + " airtime_ms) VALUES ";
        MigrationWorld world = MigrationWorld.at(dir, "15").seed(
                insert + "(7, 2, 'AUDIO', DATE '2025-01-01', 2, 1000)",
                insert + "(7, 2, 'AUDIO', DATE '2025-03-01', 3, 2000)",
                insert + "(7, 2, 'AUDIO', DATE '2026-02-01', 1, 500)");
        try (Database db = world.upgrade()) {
            List<Cell> years = MigrationWorld.cells(db, Grain.YEAR, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), 7);
            Figures y2025 = new Figures();
            years.stream().filter(cell -> cell.key().day().getYear() == 2025).forEach(cell -> y2025.add(cell.figures()));
            assertThat(y2025.get(Measure.PLAYED)).isEqualTo(5);
            assertThat(y2025.get(Measure.AIRTIME_MS)).isEqualTo(3_000);
            assertThat(years).filteredOn(cell -> cell.key().day().getYear() == 2025 && cell.key().day().getMonthValue() == 3)
                    .singleElement().satisfies(march -> assertThat(march.figures().get(Measure.AIRTIME_MS)).isEqualTo(2_000));
            assertThat(years).filteredOn(cell -> cell.key().day().getYear() == 2026).extracting(Cell::key)
                    .contains(new RollupKey(7, 2, AssetKind.AUDIO, LocalDate.of(2026, 1, 1)));
            long days = db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM report_day", rs -> rs.getLong(1)).orElseThrow());
            assertThat(days).isZero();
        }
    }
}
