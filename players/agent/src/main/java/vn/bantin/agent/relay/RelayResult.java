package vn.bantin.agent.relay;

import vn.bantin.agent.spool.PlayRecord;

/**
 * What happened over one relay: first and last moment on the air (stream or fallback; null when nothing was), how
 * it ended, and its on-air figures.
 */
public record RelayResult(Long start, Long end, PlayRecord.Outcome outcome, String reason, PlayRecord.Relay relay) {
}
