package vn.bantin.audit;

/**
 * One entry of the audit trail.
 *
 * @param action what was done, e.g. {@code POST /api/v1/campaigns/{id}/approve} or a service's own name
 * @param objectKey the thing it was done to, e.g. {@code campaigns/12}; null when none
 * @param outcome the HTTP status of the answer (2xx: done; 4xx: refused)
 * @param before the thing as last recorded before, JSON; null when unknown
 * @param after the thing as answered after, JSON; null for refusals and reads
 */
public record AuditRecord(long seq, long atMs, String actorKey, String actorName, String actorRole, Long areaId,
                          String address, String action, String objectKey, int outcome, String before,
                          String after, String prevHash, String recordHash) {

    public static final String GENESIS = "0".repeat(64);

    /** The text the hash covers: every field, the previous hash first, one per line. */
    public String hashedText() {
        return String.join("\n", prevHash, String.valueOf(seq), String.valueOf(atMs), actorKey, actorName,
                String.valueOf(actorRole), String.valueOf(areaId), String.valueOf(address), action,
                String.valueOf(objectKey), String.valueOf(outcome), String.valueOf(before), String.valueOf(after));
    }
}
