package vn.bantin.evidence.report;

import java.time.LocalDate;
import vn.bantin.domain.AssetKind;

/**
 * The part of a LOOP window that falls on one local date, for one content kind: {@code ms} of expected airtime
 * over [startMs, endMs) (a kind's share when the playlist mixes kinds).
 */
public record WindowPart(long endpointId, String entryId, LocalDate day, AssetKind kind, long windowStartMs,
                         long startMs, long endMs, long ms, long campaignId, PlanReason reason) {

    public RollupKey key() {
        return new RollupKey(endpointId, campaignId, kind, day);
    }

    /** Its expected airtime up to {@code untilMs}, in proportion. */
    public long msBefore(long untilMs) {
        if (untilMs >= endMs) {
            return ms;
        }
        if (untilMs <= startMs) {
            return 0;
        }
        return Math.multiplyExact(ms, untilMs - startMs) / (endMs - startMs);
    }

    /** Adds its expected airtime up to {@code untilMs} to a cell. */
    public void addTo(Figures f, long untilMs) {
        long due = msBefore(untilMs);
        f.add(Measure.LOOP_EXPECTED_MS, due);
        if (reason == PlanReason.NOT_DELIVERED) {
            f.add(Measure.LOOP_NOT_DELIVERED_MS, due);
        }
    }

    public WindowPart classified(PlanReason newReason) {
        return new WindowPart(endpointId, entryId, day, kind, windowStartMs, startMs, endMs, ms, campaignId,
                newReason);
    }
}
