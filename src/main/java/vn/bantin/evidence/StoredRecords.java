package vn.bantin.evidence;

import java.util.Optional;

/** What {@link PlayBatchVerifier} needs of the records a device already has stored: the record hash at a seq. */
public interface StoredRecords {

    Optional<String> hashAt(long seq);
}
