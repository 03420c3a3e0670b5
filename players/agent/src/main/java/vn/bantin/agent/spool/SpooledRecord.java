package vn.bantin.agent.spool;

/** One record as stored on disk and sent: the payload string exactly as written, and its signature. */
public record SpooledRecord(long seq, String payload, String sig) {
}
