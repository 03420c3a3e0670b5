package vn.bantin.evidence;

import java.util.Optional;

/** What the store already holds for one device, as the batch verifier needs to see it. */
public interface StoredRecords {

    /** A stored record: its seq, the exact payload bytes as a string, and its hash. */
    record StoredRecord(long seq, String payload, String hash) {
    }

    Optional<StoredRecord> bySeq(long seq);
}
