package vn.bantin.evidence.bundle;

import vn.bantin.evidence.SignedRecord;

import java.util.List;

/**
 * What an evidence bundle holds (docs/evidence-bundle.md): for a period and each endpoint, every signed record
 * of each device key that testified for it, with what a verifier needs to check them without the controller
 * — the device public keys, the record just before the period (to check the first link), the records the
 * controller kept aside (conflicts, refusals) and the devices' gap notices — all signed by the controller.
 */
public record EvidenceBundle(String format, String controllerPublicKey, long createdAt, long fromMs, long toMs,
                             List<Endpoint> endpoints) {

    public static final String FORMAT = "bantin-evidence-bundle/1";

    public record Endpoint(long endpointId, String name, List<Device> devices) {
    }

    /**
     * @param anchor    the stored record just before {@code records}, or null when they start at seq 1 or it is
     *                  not held
     * @param records   every stored record of the device from the first to the last due in the period, by seq
     */
    public record Device(String deviceId, String publicKey, SignedRecord anchor, List<SignedRecord> records,
                         List<Aside> conflicts, List<Refused> refused, List<SignedRecord> gapNotices) {
    }

    /** A record kept aside because a stored record has its seq with other bytes. */
    public record Aside(long seq, SignedRecord record) {
    }

    /** A record the controller refused as invalid, as sent; payload or sig may be null when not kept. */
    public record Refused(Long seq, SignedRecord record, String code, String message) {
    }
}
