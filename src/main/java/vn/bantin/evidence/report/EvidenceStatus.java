package vn.bantin.evidence.report;

/** An endpoint's evidence in plain words, Vietnamese first, as a culture officer would sign it. */
public record EvidenceStatus(Code code, String vi, String en, DeviceEvidence counts) {

    public enum Code { NO_DEVICE, NO_RECORDS, VERIFIED, MISSING_RECORDS, CHAIN_BROKEN, TAMPERED }

    /** The worst thing the counts show comes first: tampering, a broken chain, missing records. */
    public static EvidenceStatus of(boolean hasDevice, DeviceEvidence e) {
        if (e.conflicts() > 0) {
            return new EvidenceStatus(Code.TAMPERED, "Có " + e.conflicts() + " bản ghi mâu thuẫn với bản đã lưu: dấu"
                    + " hiệu can thiệp, cần kiểm tra", e.conflicts() + " records conflict with stored ones: sign of"
                    + " tampering, check it", e);
        }
        if (e.brokenLinks() > 0) {
            return new EvidenceStatus(Code.CHAIN_BROKEN, "Chuỗi bản ghi bị đứt ở " + e.brokenLinks() + " chỗ",
                    "Record chain broken at " + e.brokenLinks() + " places", e);
        }
        if (e.records() == 0) {
            return hasDevice ? new EvidenceStatus(Code.NO_RECORDS, "Chưa nhận được bản ghi nào", "No records received"
                    + " yet", e) : new EvidenceStatus(Code.NO_DEVICE, "Chưa gắn thiết bị", "No device enrolled", e);
        }
        if (e.missing() > 0) {
            return new EvidenceStatus(Code.MISSING_RECORDS, "Đã xác minh chữ ký; còn thiếu " + e.missing()
                    + " bản ghi", "Signatures verified; " + e.missing() + " records missing", e);
        }
        return new EvidenceStatus(Code.VERIFIED, "Đã xác minh chữ ký, đủ bản ghi", "Signatures verified, no record"
                + " missing", e);
    }
}
