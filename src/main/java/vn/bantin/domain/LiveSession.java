package vn.bantin.domain;

import java.util.List;

/**
 * Someone speaking live to chosen loudspeakers. OPEN until the first audio arrives, ON_AIR from then (epochMs =
 * the wall time of stream position 0), ENDED when the speaker ends it, FAILED when the audio never came or broke.
 * The endpoints were fixed when it was opened, each with whether it takes the session (quiet hours may refuse).
 */
public record LiveSession(long id, String title, BroadcastClass broadcastClass, Status status, Targets targets,
                          String startedBy, long startedAt, Long epochMs, Long endedAt, String endReason,
                          String mount, Long recordingAssetId, List<Reach> endpoints) {

    public enum Status { OPEN, ON_AIR, ENDED, FAILED }

    /** WAITING: sent, not yet playing; PLAYING: the agent reported it on air; REFUSED: it will not take it. */
    public enum EndpointState { WAITING, PLAYING, REFUSED, OFFLINE }

    /** One endpoint the session reaches, with its state, a reason in words ("vi / en") and when it changed. */
    public record Reach(long endpointId, String name, Long areaId, EndpointState state, String detail, long at) {
    }

    public boolean onAir() {
        return status == Status.ON_AIR;
    }

    public boolean finished() {
        return status == Status.ENDED || status == Status.FAILED;
    }
}
