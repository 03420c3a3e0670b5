package vn.bantin.evidence.report;

/**
 * What the stored chain of an endpoint's device says, in counts. Every stored record's signature was verified
 * on the way in, so the only questions left are: is any record missing, does any link break, did anyone send
 * a second, different record for a sequence number already stored.
 *
 * @param records        records stored
 * @param highestSeqs    the highest sequence number stored (summed over the endpoint's devices)
 * @param brokenLinks    records whose prevHash is not the hash of the record before
 * @param conflicts      records kept aside because another record holds their sequence number
 */
public record DeviceEvidence(long records, long highestSeqs, long brokenLinks, long conflicts) {

    public static final DeviceEvidence NONE = new DeviceEvidence(0, 0, 0, 0);

    public long missing() {
        return Math.max(0, highestSeqs - records);
    }
}
