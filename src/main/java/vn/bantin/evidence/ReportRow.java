package vn.bantin.evidence;

/**
 * One line of a report, for a campaign, an endpoint or the total. Counts are of expected broadcasts, each
 * counted once: {@code expected = played + missed + interrupted + failed + unreported}. {@code airtimeMs}
 * sums actual playback over all records, LOOP plays included.
 *
 * @param id campaign or endpoint id; 0 for the total row
 * @param completionRate played / expected in 0..1, or null when nothing was expected (a campaign with
 *        nothing due is not "0 % complete")
 * @param unreported expected broadcasts with no record at all: endpoint offline, or records not uploaded yet
 */
public record ReportRow(long id, long expected, long played, Double completionRate, long airtimeMs,
                        long missed, long interrupted, long failed, long unreported) {
}
