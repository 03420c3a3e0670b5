package vn.bantin.agent.playback;

/** The next segment, already queued in mpv behind the one playing: it waits there paused at its start. */
record Prepared(Segment segment, long entryId) {
}
