package vn.bantin.agent.playback;

import java.time.Duration;

/**
 * @param grace    a ONCE entry reached later than this after its start is recorded MISSED (or FAILED
 *                 when its media was not there), never started late
 * @param preload  how long before its start an item is loaded into mpv, paused
 * @param minJoin  a loop item with less than this left is not joined; the next item is waited for
 */
public record PlaybackSettings(Duration grace, Duration preload, Duration minJoin) {
}
