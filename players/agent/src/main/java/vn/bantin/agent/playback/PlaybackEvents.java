package vn.bantin.agent.playback;

import java.util.List;

/**
 * What the player tells the rest of the agent: the next item it will play (or none), an item really started
 * (from mpv's reports), or it ended.
 */
public interface PlaybackEvents {

    /** The segment the player plays next, at its start time; null when nothing is ahead. */
    default void upcoming(Segment next) {
    }

    void started(Segment seg, long actualStart, int volume);

    void ended(Segment seg);

    /** Every one of these, in order. */
    static PlaybackEvents all(List<PlaybackEvents> each) {
        List<PlaybackEvents> list = List.copyOf(each);
        return new PlaybackEvents() {
            @Override
            public void upcoming(Segment next) {
                list.forEach(e -> e.upcoming(next));
            }

            @Override
            public void started(Segment seg, long actualStart, int volume) {
                list.forEach(e -> e.started(seg, actualStart, volume));
            }

            @Override
            public void ended(Segment seg) {
                list.forEach(e -> e.ended(seg));
            }
        };
    }
}
