package vn.bantin.app.evidence;

import vn.bantin.evidence.bundle.Finding;

import java.util.List;

/**
 * An endpoint's evidence in plain words (DESIGN §8): INTACT (every signature verified, no record missing),
 * GAPS (signatures verified, records missing), BROKEN (a link between records does not hold), TAMPERED (a
 * bad signature, a record of another device, two records for one seq), NO_DEVICE.
 */
public record EvidenceStatus(long endpointId, String deviceId, String publicKey, Status status, String text,
                             List<Device> devices) {

    public enum Status { INTACT, GAPS, BROKEN, TAMPERED, NO_DEVICE }

    /** One device key that signed for the endpoint, its whole chain checked. */
    public record Device(String deviceId, int records, long conflicts, Status status, List<Finding> findings) {
    }

    static Status of(List<Finding> findings) {
        if (findings.stream().anyMatch(f -> switch (f.kind()) {
            case FORK, BAD_SIGNATURE, BAD_PAYLOAD, OTHER_DEVICE, DEVICE_KEY -> true;
            default -> false;
        })) {
            return Status.TAMPERED;
        }
        if (findings.stream().anyMatch(f -> f.kind() != Finding.Kind.GAP)) {
            return Status.BROKEN;
        }
        return findings.isEmpty() ? Status.INTACT : Status.GAPS;
    }

    /** The worst of the devices' statuses. */
    static Status worst(List<Device> devices) {
        return devices.stream().map(Device::status).max(Enum::compareTo).orElse(Status.INTACT);
    }

    static String text(Status status, List<Device> devices) {
        long missing = devices.stream().flatMap(d -> d.findings().stream()).filter(f -> f.kind() == Finding.Kind.GAP)
                .mapToLong(f -> f.lastSeq() - f.seq() + 1).sum();
        return switch (status) {
            case INTACT -> "Đã xác minh chữ ký, đủ bản ghi / Signatures verified, no record missing";
            case GAPS -> "Đã xác minh chữ ký, thiếu " + missing + " bản ghi / Signatures verified, " + missing
                    + " records missing";
            case BROKEN -> "Chuỗi bản ghi bị đứt / The chain of records is broken";
            case TAMPERED -> "Có dấu hiệu giả mạo bản ghi / Signs that records were tampered with";
            case NO_DEVICE -> "Chưa có thiết bị nào ghi / No device has recorded yet";
        };
    }
}
