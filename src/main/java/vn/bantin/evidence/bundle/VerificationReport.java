package vn.bantin.evidence.bundle;

import java.util.List;

/** The verdict on a whole bundle: its own findings (signature, key) and each device's. */
public record VerificationReport(String controllerPublicKey, long fromMs, long toMs, List<Finding> bundleFindings,
                                 List<DeviceReport> devices) {

    public boolean verified() {
        return bundleFindings.isEmpty() && devices.stream().allMatch(DeviceReport::verified);
    }

    public long problems() {
        return bundleFindings.size() + devices.stream().mapToLong(d -> d.findings().size()).sum();
    }
}
