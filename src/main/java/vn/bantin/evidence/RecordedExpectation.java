package vn.bantin.evidence;

import vn.bantin.evidence.report.PlanReason;

/**
 * An expected play as stored: when the plan was recorded, when the endpoint first fetched a timeline holding
 * it (null: never, before it ended), and the reason no record can come, once known.
 */
public record RecordedExpectation(ExpectedPlay play, long plannedAt, Long deliveredAt, PlanReason reason) {
}
