package vn.bantin.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Report periods follow the calendar reports are filed against")
class ReportPeriodTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    @DisplayName("month, quarter, half-year and year around 24/11/2026")
    void namedPeriods() {
        assertThat(ReportPeriod.parse("month", null, null, VN, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), VN));
        assertThat(ReportPeriod.parse("quarter", null, null, VN, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), VN));
        assertThat(ReportPeriod.parse("half", null, null, VN, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31), VN));
        assertThat(ReportPeriod.parse("half", null, null, VN, LocalDate.of(2026, 6, 5)))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), VN));
        assertThat(ReportPeriod.parse("year", null, null, VN, TODAY))
                .isEqualTo(new ReportPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), VN));
    }

    @Test
    @DisplayName("a day is bounded by local midnights: 00:00 in Hanoi is 17:00 UTC the day before")
    void localBounds() {
        ReportPeriod today = ReportPeriod.parse("today", null, null, VN, TODAY);
        assertThat(today.fromMs()).isEqualTo(java.time.Instant.parse("2026-11-23T17:00:00Z").toEpochMilli());
        assertThat(today.toMsExclusive() - today.fromMs()).isEqualTo(86_400_000L);
    }

    @Test
    @DisplayName("custom periods need valid, ordered dates; unknown names are refused")
    void custom() {
        assertThat(ReportPeriod.parse(null, "2026-05-18", "2026-10-10", VN, TODAY).to())
                .isEqualTo(LocalDate.of(2026, 10, 10));
        assertThatThrownBy(() -> ReportPeriod.parse("custom", "2026-10-10", "2026-05-18", VN, TODAY))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("custom", "18/5/2026", "2026-10-10", VN, TODAY))
                .isInstanceOf(ApiException.class).hasMessageContaining("YYYY-MM-DD");
        assertThatThrownBy(() -> ReportPeriod.parse("fortnight", null, null, VN, TODAY))
                .isInstanceOf(ApiException.class);
    }
}
