package vn.bantin.agent;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.logging.Logger;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.playback.PlaybackEvents;
import vn.bantin.agent.playback.Segment;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.sync.Heartbeat;
import vn.bantin.agent.sync.Timeline;

/** Playback events into the status, and an immediate heartbeat when an emergency alert goes on air. */
final class StatusEvents implements PlaybackEvents {

    private static final Logger LOG = Logger.getLogger(StatusEvents.class.getName());

    private final AgentStatus status;
    private final Heartbeat heartbeat;

    StatusEvents(AgentStatus status, Heartbeat heartbeat) {
        this.status = status;
        this.heartbeat = heartbeat;
    }

    @Override
    public void started(Segment seg, long actualStart, int volume) {
        long error = actualStart - seg.startAt();
        status.startError(error);
        status.nowPlaying(new AgentStatus.NowPlaying(seg.entry().id(), seg.item().sha256(), seg.entry().mode(),
                seg.entry().clazz(), actualStart), volume);
        LOG.info(String.format(Locale.ROOT, "playing %s %s item %s from %.1f s, start error %d ms",
                seg.entry().mode(), seg.entry().id(), seg.item().sha256().substring(0, 12), seg.offsetMs() / 1000.0,
                error));
        if (seg.isEmergency()) {
            heartbeat.now();
        }
    }

    @Override
    public void ended(Segment seg) {
        status.nowPlaying(null, null);
    }

    /**
     * A relay or a live session is heard: now playing names the entry (its sha256 = that of the stream URL, as in
     * its play record). A live session is acknowledged to the speaker through this, so its heartbeat goes at once.
     */
    @Override
    public void streamOnAir(Timeline.Entry entry, long at) {
        String url = entry.stream().url();
        status.nowPlaying(new AgentStatus.NowPlaying(entry.id(), Hashes.sha256Hex(url.getBytes(StandardCharsets.UTF_8)),
                entry.mode(), entry.clazz(), at), entry.volume());
        LOG.info(String.format(Locale.ROOT, "on air: %s %s (%s)", entry.mode(), entry.id(), entry.stream().name()));
        if (entry.stream().liveSessionId() != null || "EMERGENCY".equals(entry.clazz())) {
            heartbeat.now();
        }
    }

    @Override
    public void streamEnded(Timeline.Entry entry) {
        status.nowPlaying(null, null);
    }
}
