package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Expected against played, per campaign and per endpoint. An expected play is a ONCE entry issued in a
 * timeline and already due; it counts as played when a PLAYED record names that entry on that endpoint.
 */
public final class ReportCalculator {

    public record Expected(long endpointId, String entryId, long campaignId, long startMs) {
    }

    public record Play(long endpointId, String entryId, Long campaignId, String outcome, Long actualStart,
                       Long actualEnd) {
    }

    /**
     * One report line. completionRate is played/expected, or null when nothing was expected (a
     * rate of 0 would read as a failure).
     */
    public record Row(long id, String name, long expected, long played, Double completionRate, long airtimeMs,
                      long missed, long interrupted, long failed) {
    }

    public record Report(List<Row> campaigns, List<Row> endpoints, Row total) {
    }

    private static final class Tally {
        long expected;
        long played;
        long airtimeMs;
        long interrupted;
        long failed;

        Row row(long id, String name) {
            return new Row(id, name, expected, played, expected == 0 ? null : (double) played / expected, airtimeMs,
                    expected - played, interrupted, failed);
        }
    }

    private ReportCalculator() {
    }

    public static Report calculate(List<Expected> expected, List<Play> plays, Function<Long, String> campaignNames,
                                   Function<Long, String> endpointNames) {
        Set<String> playedEntries = new HashSet<>();
        for (Play p : plays) {
            if ("PLAYED".equals(p.outcome()) && p.entryId() != null) {
                playedEntries.add(p.endpointId() + "/" + p.entryId());
            }
        }
        Map<Long, Tally> byCampaign = new TreeMap<>();
        Map<Long, Tally> byEndpoint = new TreeMap<>();
        Tally total = new Tally();
        for (Expected e : expected) {
            boolean played = playedEntries.contains(e.endpointId() + "/" + e.entryId());
            for (Tally t : List.of(tally(byCampaign, e.campaignId()), tally(byEndpoint, e.endpointId()), total)) {
                t.expected++;
                if (played) {
                    t.played++;
                }
            }
        }
        for (Play p : plays) {
            List<Tally> tallies = new ArrayList<>(List.of(tally(byEndpoint, p.endpointId()), total));
            if (p.campaignId() != null) {
                tallies.add(tally(byCampaign, p.campaignId()));
            }
            long airtime = p.actualStart() != null && p.actualEnd() != null
                    ? Math.max(0, p.actualEnd() - p.actualStart()) : 0;
            for (Tally t : tallies) {
                t.airtimeMs += airtime;
                if ("INTERRUPTED".equals(p.outcome())) {
                    t.interrupted++;
                } else if ("FAILED".equals(p.outcome())) {
                    t.failed++;
                }
            }
        }
        return new Report(rows(byCampaign, campaignNames), rows(byEndpoint, endpointNames), total.row(0, null));
    }

    private static Tally tally(Map<Long, Tally> map, long id) {
        return map.computeIfAbsent(id, k -> new Tally());
    }

    private static List<Row> rows(Map<Long, Tally> map, Function<Long, String> names) {
        return map.entrySet().stream().map(e -> e.getValue().row(e.getKey(), names.apply(e.getKey()))).toList();
    }
}
