package vn.bantin.app;

import vn.bantin.evidence.SignedRecord;

import java.util.List;

/**
 * One plays request as the device sent it: its batch id, the SHA-256 of its exact body bytes (the
 * acknowledgement names both), its signed records and its signed gap notices.
 */
public record PlayBatch(String batch, String bodySha256, List<SignedRecord> records, List<SignedRecord> gapNotices) {
}
