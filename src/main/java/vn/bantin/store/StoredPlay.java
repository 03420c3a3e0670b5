package vn.bantin.store;

/** A play record as stored: the device's payload bytes verbatim, its signature, and the indexed fields. */
public record StoredPlay(String deviceId, long seq, long endpointId, String payload, String sig, String hash,
                         String prevHash, String entryId, Long campaignId, String broadcastClass, String mode,
                         String sha256, Long scheduledStart, Long actualStart, Long actualEnd, String outcome,
                         String reason, boolean chainBroken, long receivedAt) {
}
