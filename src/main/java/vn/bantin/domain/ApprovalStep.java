package vn.bantin.domain;

/** One step of an item's approval history: who did what, when, and why (for a rejection or a return). */
public record ApprovalStep(String step, ApprovalStatus statusAfter, String actorKey, String actorName, long atMs,
                           String reason) {
}
