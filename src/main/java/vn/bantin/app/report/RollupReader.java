package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.ReportBuilder;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.evidence.report.RollupRules;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.RollupRepository;
import vn.bantin.store.report.RollupRepository.Grain;
import vn.bantin.store.report.WindowRepository;

/**
 * The rollup cells of a period as of an instant, read without touching a play record.
 *
 * <p>Days are settled once no endpoint can still have a broadcast ahead on them: every day before yesterday in
 * the report's zone (time zones differ by less than a day). Settled days come from the monthly cells where a
 * whole month is inside the period (and the period is longer than a month), else from the daily ones. The
 * open days (yesterday, today, tomorrow) take their record counts from the daily cells and their plan side from
 * the entries and windows that started before the instant, so nothing still ahead counts as expected.
 */
final class RollupReader implements CellSource {

    private final RollupRepository rollups = new RollupRepository();
    private final EntryRepository entries = new EntryRepository();
    private final WindowRepository windows = new WindowRepository();

    /**
     * @param endpointIds the endpoints whose cells to read, or null for all
     */
    @Override
    public void read(Connection c, LocalDate from, LocalDate to, LocalDate today, long nowMs, Collection<Long> endpointIds,
              Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException {
        LocalDate last = min(to, today.plusDays(1));
        LocalDate firstOpen = today.minusDays(1);
        LocalDate lastSettled = min(last, firstOpen.minusDays(1));
        if (!from.isAfter(lastSettled)) {
            readSettled(c, from, lastSettled, ReportBuilder.spansMoreThanAMonth(from, to), endpointIds, campaignId,
                    sink);
        }
        LocalDate openFrom = from.isAfter(firstOpen) ? from : firstOpen;
        if (!openFrom.isAfter(last)) {
            readOpen(c, openFrom, last, nowMs, endpointIds, campaignId, sink);
        }
    }

    private void readSettled(Connection c, LocalDate first, LocalDate last, boolean useMonths,
                             Collection<Long> endpointIds, Long campaignId, BiConsumer<RollupKey, Figures> sink)
            throws SQLException {
        LocalDate firstWholeMonth = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
        LocalDate afterLastWholeMonth = last.plusDays(1).withDayOfMonth(1);
        if (!useMonths || !firstWholeMonth.isBefore(afterLastWholeMonth)) {
            readDays(c, first, last, endpointIds, campaignId, sink);
            return;
        }
        if (first.isBefore(firstWholeMonth)) {
            readDays(c, first, firstWholeMonth.minusDays(1), endpointIds, campaignId, sink);
        }
        rollups.read(c, Grain.MONTH, firstWholeMonth, afterLastWholeMonth.minusMonths(1), endpointIds, campaignId,
                cell -> sink.accept(cell.key(), cell.figures()));
        if (!afterLastWholeMonth.isAfter(last)) {
            readDays(c, afterLastWholeMonth, last, endpointIds, campaignId, sink);
        }
    }

    private void readDays(Connection c, LocalDate first, LocalDate last, Collection<Long> endpointIds,
                          Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException {
        rollups.read(c, Grain.DAY, first, last, endpointIds, campaignId,
                cell -> sink.accept(cell.key(), cell.figures()));
    }

    private void readOpen(Connection c, LocalDate first, LocalDate last, long nowMs, Collection<Long> endpointIds,
                          Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException {
        Set<Long> wanted = endpointIds == null ? null : new HashSet<>(endpointIds);
        Map<RollupKey, Figures> plan = new HashMap<>();
        entries.due(c, first, last, nowMs, e -> {
            if (wanted(wanted, campaignId, e.endpointId(), e.campaignId())) {
                RollupRules.addDueEntry(plan.computeIfAbsent(e.key(), k -> new Figures()), e);
            }
        });
        windows.due(c, first, last, nowMs, p -> {
            if (wanted(wanted, campaignId, p.endpointId(), p.campaignId())) {
                p.addTo(plan.computeIfAbsent(p.key(), k -> new Figures()), nowMs);
            }
        });
        rollups.read(c, Grain.DAY, first, last, endpointIds, campaignId,
                cell -> sink.accept(cell.key(), cell.figures().recordsOnly()));
        plan.forEach(sink);
    }

    private static boolean wanted(Set<Long> endpoints, Long campaignId, long endpointId, long cellCampaign) {
        return (endpoints == null || endpoints.contains(endpointId))
                && (campaignId == null || campaignId == cellCampaign);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
