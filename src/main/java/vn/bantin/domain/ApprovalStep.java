package vn.bantin.domain;

/**
 * One step of an item's approval history: who did what, when, and why (for a rejection or a return).
 * {@code actorName} is the login (or token name) as recorded; {@code actorDisplayName} the name people know that
 * person by, looked up when the history is read (the login itself when no such person exists; null when writing).
 */
public record ApprovalStep(String step, ApprovalStatus statusAfter, String actorKey, String actorName, long atMs,
                           String reason, String actorDisplayName) {
}
