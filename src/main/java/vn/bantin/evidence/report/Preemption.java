package vn.bantin.evidence.report;

/**
 * The live session that took the air from a planned broadcast on one endpoint: what was said and when it was on air.
 *
 * @param toMs when the session ended; null while it is still on the air
 */
public record Preemption(long sessionId, String title, long fromMs, Long toMs) {
}
