package vn.bantin.domain;

/**
 * What a STREAM timeline entry plays: a stream URL the controller signed into the timeline, with where it comes
 * from (a registered live source or a live session) and, for live sessions, the wall time of stream position 0
 * ({@code epochMs}) so agents in earshot align their playout to it instead of to when each one connected.
 */
public record StreamRef(String url, String name, Long sourceId, Long liveSessionId, Long epochMs) {
}
