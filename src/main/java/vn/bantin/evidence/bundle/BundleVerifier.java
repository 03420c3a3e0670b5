package vn.bantin.evidence.bundle;

import vn.bantin.evidence.bundle.Finding.Kind;
import vn.bantin.security.Ed25519Keys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies an evidence bundle with nothing but its bytes, its signature and (to be sure who signed it) the
 * controller's published key: the controller's signature over the exact bytes, then every device's chain
 * ({@link ChainCheck}). Everything found is reported; nothing is skipped because something else failed.
 */
public final class BundleVerifier {

    private BundleVerifier() {
    }

    /**
     * @param expectedControllerKey the controller key the auditor trusts (raw 32 bytes), or null to take the
     *                              bundle's word for it (the report then says so)
     * @throws IllegalArgumentException when the bytes are not a bundle at all
     */
    public static VerificationReport verify(byte[] bundle, String signature, byte[] expectedControllerKey) {
        EvidenceBundle parsed = BundleJson.parse(bundle);
        if (!EvidenceBundle.FORMAT.equals(parsed.format())) {
            throw new IllegalArgumentException("not a " + EvidenceBundle.FORMAT + " bundle: " + parsed.format());
        }
        List<Finding> own = new ArrayList<>();
        byte[] named = Ed25519Keys.publicKeyFromBase64(parsed.controllerPublicKey());
        if (expectedControllerKey != null && !Arrays.equals(expectedControllerKey, named)) {
            own.add(Finding.bundle(Kind.CONTROLLER_KEY, "Gói ghi khóa bộ điều khiển khác khóa đã công bố / The bundle"
                    + " names a controller key other than the one expected"));
        }
        byte[] signer = expectedControllerKey != null ? expectedControllerKey : named;
        if (!Ed25519Keys.verifyBase64(signer, bundle, signature)) {
            own.add(Finding.bundle(Kind.BUNDLE_SIGNATURE, "Chữ ký của bộ điều khiển trên gói không hợp lệ: gói đã bị"
                    + " sửa / The controller's signature over the bundle does not verify: the bundle was edited"));
        }
        List<DeviceReport> devices = new ArrayList<>();
        for (EvidenceBundle.Endpoint e : parsed.endpoints()) {
            for (EvidenceBundle.Device d : e.devices()) {
                devices.add(report(e, d));
            }
        }
        return new VerificationReport(parsed.controllerPublicKey(), parsed.fromMs(), parsed.toMs(), own, devices);
    }

    private static DeviceReport report(EvidenceBundle.Endpoint e, EvidenceBundle.Device d) {
        List<Long> seqs = d.records().stream()
                .map(r -> r.payload() == null ? null : vn.bantin.evidence.PlayRecordPayload.seqOrNull(r.payload()))
                .filter(s -> s != null).toList();
        return new DeviceReport(e.endpointId(), e.name(), d.deviceId(), d.records().size(),
                seqs.stream().min(Long::compare).orElse(null), seqs.stream().max(Long::compare).orElse(null),
                ChainCheck.of(d));
    }
}
