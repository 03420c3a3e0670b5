package vn.bantin.store;

/** A record refused as invalid, as kept aside: what was sent (maybe unreadable) and why it was refused. */
public record RefusedRecord(String fingerprint, Long seq, String payload, String sig, String code, String message) {
}
