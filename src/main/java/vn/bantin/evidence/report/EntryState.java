package vn.bantin.evidence.report;

import java.time.LocalDate;
import vn.bantin.domain.AssetKind;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;

/**
 * The report's view of one ONCE entry on one endpoint: whether the plan expects it (and where it is counted)
 * and what its records say so far. Records may arrive before the plan is recorded; the row keeps their verdict
 * until it is.
 *
 * @param recordOutcome PLAYED when any record played it to the end, else the outcome of its latest record
 *                      (by actual start, then seq); null without records
 */
public record EntryState(long endpointId, String entryId, boolean expected, long campaignId, AssetKind kind,
                         LocalDate day, long startMs, PlanReason reason, PlayOutcome recordOutcome, long recordAt,
                         long recordSeq) {

    public static EntryState recordOnly(long endpointId, String entryId) {
        return new EntryState(endpointId, entryId, false, RollupKey.NO_CAMPAIGN, AssetKind.AUDIO, null, 0, null,
                null, 0, 0);
    }

    /**
     * How the report counts it; null when the plan does not expect it. A record that it played to its end wins; a
     * live session's preemption beats a record that it was cut or missed (the record names the session at best).
     */
    public BroadcastStatus status() {
        if (!expected) {
            return null;
        }
        if (recordOutcome == PlayOutcome.PLAYED) {
            return BroadcastStatus.PLAYED;
        }
        if (reason == PlanReason.PREEMPTED_LIVE) {
            return BroadcastStatus.PREEMPTED_LIVE;
        }
        if (recordOutcome != null) {
            return BroadcastStatus.valueOf(recordOutcome.name());
        }
        return reason == null ? BroadcastStatus.UNREPORTED : reason.status();
    }

    public RollupKey key() {
        return new RollupKey(endpointId, campaignId, kind, day);
    }

    public EntryState withRecord(PlayRecordPayload r) {
        long at = r.actualStart() == null ? r.scheduledStart() : r.actualStart();
        boolean later = recordOutcome == null || at > recordAt || (at == recordAt && r.seq() > recordSeq);
        if (recordOutcome == PlayOutcome.PLAYED || !later && r.outcome() != PlayOutcome.PLAYED) {
            return this;
        }
        return new EntryState(endpointId, entryId, expected, campaignId, kind, day, startMs, reason, r.outcome(), at,
                r.seq());
    }

    public EntryState expectedAs(ExpectedItem item, LocalDate localDay) {
        return new EntryState(endpointId, entryId, true, item.campaignId(), item.kind(), localDay, item.startMs(),
                item.reason(), recordOutcome, recordAt, recordSeq);
    }

    public EntryState withdrawn() {
        return new EntryState(endpointId, entryId, false, campaignId, kind, day, startMs, reason, recordOutcome,
                recordAt, recordSeq);
    }

    public EntryState classified(PlanReason newReason) {
        return new EntryState(endpointId, entryId, expected, campaignId, kind, day, startMs, newReason, recordOutcome,
                recordAt, recordSeq);
    }
}
