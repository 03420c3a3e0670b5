package vn.bantin.evidence.bundle;

/**
 * One thing a verifier found wrong, named, never hidden. {@code seq}..{@code lastSeq} is where (null for the
 * bundle as a whole); {@code explanation} is what the device or the controller said about a gap, if anything.
 */
public record Finding(Kind kind, Long seq, Long lastSeq, String message, String explanation) {

    public enum Kind {
        /** The controller's signature over bundle.json does not verify: the bundle was edited. */
        BUNDLE_SIGNATURE,
        /** The bundle names (and was signed with) a key other than the controller key the auditor expects. */
        CONTROLLER_KEY,
        /** A device id that is not the one its public key gives. */
        DEVICE_KEY,
        /** A record (or a record kept aside) whose signature does not verify with its device's key. */
        BAD_SIGNATURE,
        /** A signed payload that is not a contract payload. */
        BAD_PAYLOAD,
        /** A record that names another device: replayed from elsewhere. */
        OTHER_DEVICE,
        /** Records not in sequence order, or one listed twice. */
        OUT_OF_ORDER,
        /** Sequence numbers missing between the first and the last record. */
        GAP,
        /** Two different records, both signed by the device, for one sequence number. */
        FORK,
        /** A record whose prevHash is not the hash of the record before it. */
        BROKEN_LINK,
        /** The first record's link cannot be checked: the record before it is not in the bundle. */
        UNLINKED_START
    }

    static Finding at(Kind kind, long seq, String message) {
        return new Finding(kind, seq, seq, message, null);
    }

    static Finding bundle(Kind kind, String message) {
        return new Finding(kind, null, null, message, null);
    }
}
