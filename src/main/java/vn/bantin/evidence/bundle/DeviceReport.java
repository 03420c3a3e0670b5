package vn.bantin.evidence.bundle;

import java.util.List;

/** What the verifier found for one device of one endpoint: how many records it checked, over which seqs. */
public record DeviceReport(long endpointId, String endpointName, String deviceId, int records, Long firstSeq,
                           Long lastSeq, List<Finding> findings) {

    public boolean verified() {
        return findings.isEmpty();
    }
}
