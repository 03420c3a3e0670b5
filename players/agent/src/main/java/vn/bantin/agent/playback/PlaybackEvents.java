package vn.bantin.agent.playback;

/** What the player tells the rest of the agent: an item really started (from mpv's reports), or it ended. */
public interface PlaybackEvents {

    void started(Segment seg, long actualStart, int volume);

    void ended(Segment seg);
}
