package vn.bantin.evidence.report;

/**
 * One expected broadcast that did not play, as a culture officer checks it: where, what, when it was due and
 * why it did not play (see {@code export/ExceptionWords} for the words).
 *
 * @param planReason     for a broadcast the plan dropped, the plan's own words why (a conflict, content not
 *                       processed in time); else null
 * @param preemptedBy    for a broadcast a live session took the air from, that session; else null
 * @param disconnectedAt for a live session's broadcast the endpoint dropped out of, its last contact before the
 *                       silence (from its connection history); else null
 */
public record ExceptionItem(long endpointId, String endpointName, String areaName, long campaignId,
                            String campaignName, String entryId, long dueMs, BroadcastStatus status,
                            String planReason, Preemption preemptedBy, Long disconnectedAt) {
}
