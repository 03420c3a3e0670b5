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
 * whole month is inside the period (and the period is longer than a month), from the yearly ones where a whole
 * year is, else from the daily ones. The open days (yesterday, today, tomorrow) take their record counts from the daily cells and their plan side from
 * the entries and windows that started before the instant, so nothing still ahead counts as expected.
 */
final class RollupReader implements CellSource {

    private final RollupRepository rollups = new RollupRepository();
    private final EntryRepository entries = new EntryRepository();
    private final WindowRepository windows = new WindowRepository();

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
            read(c, Grain.DAY, first, last.plusDays(1), endpointIds, campaignId, sink);
            return;
        }
        read(c, Grain.DAY, first, firstWholeMonth, endpointIds, campaignId, sink);
        LocalDate firstWholeYear = firstWholeMonth.getDayOfYear() == 1 ? firstWholeMonth
                : firstWholeMonth.withDayOfYear(1).plusYears(1);
        LocalDate afterLastWholeYear = afterLastWholeMonth.withDayOfYear(1);
        if (firstWholeYear.isBefore(afterLastWholeYear)) {
            read(c, Grain.MONTH, firstWholeMonth, firstWholeYear, endpointIds, campaignId, sink);
            read(c, Grain.YEAR, firstWholeYear, afterLastWholeYear, endpointIds, campaignId, sink);
            read(c, Grain.MONTH, afterLastWholeYear, afterLastWholeMonth, endpointIds, campaignId, sink);
        } else {
            read(c, Grain.MONTH, firstWholeMonth, afterLastWholeMonth, endpointIds, campaignId, sink);
        }
        read(c, Grain.DAY, afterLastWholeMonth, last.plusDays(1), endpointIds, campaignId, sink);
    }

    /** The cells of one grain from {@code from} up to (not including) {@code until}, each a first day of its grain. */
    private void read(Connection c, Grain grain, LocalDate from, LocalDate until, Collection<Long> endpointIds,
                      Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException {
        if (!from.isBefore(until)) {
            return;
        }
        LocalDate last = switch (grain) {
            case DAY -> until.minusDays(1);
            case MONTH -> until.minusMonths(1);
            case YEAR -> until.minusYears(1);
        };
        rollups.read(c, grain, from, last, endpointIds, campaignId, cell -> sink.accept(cell.key(), cell.figures()));
    }

    private void readOpen(Connection c, LocalDate first, LocalDate last, long nowMs, Collection<Long> endpointIds,
                          Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException {
        Set<Long> wanted = new HashSet<>(endpointIds);
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
        windows.takenDue(c, first, last, nowMs, p -> {
            if (wanted(wanted, campaignId, p.part().endpointId(), p.part().campaignId())) {
                p.addTo(plan.computeIfAbsent(p.part().key(), k -> new Figures()), nowMs);
            }
        });
        rollups.read(c, Grain.DAY, first, last, endpointIds, campaignId,
                cell -> sink.accept(cell.key(), cell.figures().recordsOnly()));
        plan.forEach(sink);
    }

    private static boolean wanted(Set<Long> endpoints, Long campaignId, long endpointId, long cellCampaign) {
        return endpoints.contains(endpointId) && (campaignId == null || campaignId == cellCampaign);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
