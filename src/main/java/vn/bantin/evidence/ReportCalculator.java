package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what was due (ONCE entries) and what the devices testified (play records) into report rows for a
 * period. Pure: no I/O, same inputs give the same rows.
 *
 * <p>An expected broadcast counts as played when its endpoint has a PLAYED record for its entry id. Without
 * one, it takes the outcome of its latest record (MISSED, INTERRUPTED, FAILED), or counts as unreported when
 * there is no record. Both lists are filtered to the period [fromMs, toMs): entries by start, records by
 * scheduled start.
 */
public final class ReportCalculator {

    public record Report(long fromMs, long toMs, List<ReportRow> byCampaign, List<ReportRow> byEndpoint,
                         ReportRow total) {
    }

    private enum Status { PLAYED, MISSED, INTERRUPTED, FAILED, UNREPORTED }

    private ReportCalculator() {
    }

    public static Report calculate(long fromMs, long toMs, List<ExpectedPlay> expected, List<EndpointPlay> plays) {
        List<EndpointPlay> inPeriod = plays.stream()
                .filter(play -> play.record().scheduledStart() >= fromMs && play.record().scheduledStart() < toMs)
                .toList();
        Map<String, List<PlayRecordPayload>> byEntry = new HashMap<>();
        for (EndpointPlay play : inPeriod) {
            if (play.record().entryId() != null) {
                byEntry.computeIfAbsent(key(play.endpointId(), play.record().entryId()), k -> new ArrayList<>())
                        .add(play.record());
            }
        }
        Map<Long, Tally> campaigns = new TreeMap<>();
        Map<Long, Tally> endpoints = new TreeMap<>();
        Tally total = new Tally();
        for (ExpectedPlay due : expected) {
            if (due.startMs() < fromMs || due.startMs() >= toMs) {
                continue;
            }
            Status status = status(byEntry.getOrDefault(key(due.endpointId(), due.entryId()), List.of()));
            campaigns.computeIfAbsent(due.campaignId(), id -> new Tally()).count(status);
            endpoints.computeIfAbsent(due.endpointId(), id -> new Tally()).count(status);
            total.count(status);
        }
        for (EndpointPlay play : inPeriod) {
            long airtime = play.record().airtimeMs();
            if (play.record().campaignId() != null) {
                campaigns.computeIfAbsent(play.record().campaignId(), id -> new Tally()).airtimeMs += airtime;
            }
            endpoints.computeIfAbsent(play.endpointId(), id -> new Tally()).airtimeMs += airtime;
            total.airtimeMs += airtime;
        }
        return new Report(fromMs, toMs, rows(campaigns), rows(endpoints), total.row(0));
    }

    private static Status status(List<PlayRecordPayload> records) {
        if (records.stream().anyMatch(r -> r.outcome() == PlayOutcome.PLAYED)) {
            return Status.PLAYED;
        }
        return records.stream().max(Comparator.comparingLong(PlayRecordPayload::actualStart)
                        .thenComparingLong(PlayRecordPayload::seq))
                .map(latest -> Status.valueOf(latest.outcome().name()))
                .orElse(Status.UNREPORTED);
    }

    private static String key(long endpointId, String entryId) {
        return endpointId + "/" + entryId;
    }

    private static List<ReportRow> rows(Map<Long, Tally> tallies) {
        return tallies.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
    }

    private static final class Tally {
        private final long[] counts = new long[Status.values().length];
        private long airtimeMs;

        void count(Status status) {
            counts[status.ordinal()]++;
        }

        ReportRow row(long id) {
            long played = counts[Status.PLAYED.ordinal()];
            long expected = 0;
            for (long count : counts) {
                expected += count;
            }
            Double rate = expected == 0 ? null : (double) played / expected;
            return new ReportRow(id, expected, played, rate, airtimeMs, counts[Status.MISSED.ordinal()],
                    counts[Status.INTERRUPTED.ordinal()], counts[Status.FAILED.ordinal()],
                    counts[Status.UNREPORTED.ordinal()]);
        }
    }
}
