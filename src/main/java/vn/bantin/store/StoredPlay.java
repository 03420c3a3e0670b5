package vn.bantin.store;

import vn.bantin.evidence.PlayNames;

/**
 * A play record as stored: the device's payload bytes verbatim, its signature, the indexed fields, and the
 * names of what it played as they were when it played (all null for records stored before names were kept).
 */
public record StoredPlay(String deviceId, long seq, long endpointId, String payload, String sig, String hash,
                         String prevHash, String entryId, Long campaignId, String broadcastClass, String mode,
                         String sha256, Long scheduledStart, Long actualStart, Long actualEnd, String outcome,
                         String reason, boolean chainBroken, long receivedAt, PlayNames names) {
}
