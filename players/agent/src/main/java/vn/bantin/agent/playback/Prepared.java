package vn.bantin.agent.playback;

/**
 * The next segment, already queued in this mpv session behind the one playing: it waits there paused at its
 * start. {@code switchedAt}: when mpv was sent on to it (or moved there by itself), to learn how long loads take.
 */
record Prepared(Segment segment, MpvSession session, long entryId, long switchedAt) {
}
