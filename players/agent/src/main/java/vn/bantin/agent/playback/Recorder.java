package vn.bantin.agent.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.relay.RelayResult;
import java.util.logging.Logger;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.PlayRecord.Outcome;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.sync.Timeline;

/** Turns what happened to a segment into a play record in the spool, and keeps the no-replay state. */
final class Recorder {

    private static final Logger LOG = Logger.getLogger(Recorder.class.getName());

    private final RecordSpool spool;
    private final PlayedLog played;

    Recorder(RecordSpool spool, PlayedLog played) {
        this.spool = spool;
        this.played = played;
    }

    /**
     * A record of nothing played (FAILED before start, MISSED) has null start and end, as the contract says.
     * ONCE entries are over whatever happened; a loop item only when it was not cut short by something else.
     */
    void record(Segment seg, Timeline timeline, Ending ending, Long start, Long end, long offsetUsed) {
        if (ending.over() || !seg.entry().isLoop()) {
            played.markDone(seg);
        }
        if (end != null) {
            played.workedUntil(workedThrough(end, seg.endAt()));
        }
        Timeline.Entry e = seg.entry();
        PlayRecord r = new PlayRecord(e.id(), e.campaignId(), e.clazz(), e.mode(), seg.item().sha256(),
                seg.itemStart(), start, start == null ? null : end, ending.outcome(), ending.reason(), offsetUsed,
                timeline.version());
        try {
            long seq = spool.append(r).seq();
            LOG.info("record " + seq + ": " + ending.outcome() + " " + e.id()
                    + (ending.reason() == null ? "" : " (" + ending.reason() + ")"));
        } catch (IOException ex) {
            LOG.severe("cannot spool play record for " + e.id() + ": " + ex.getMessage());
        }
    }

    /** One record per relayed STREAM entry: sha256 names the stream (hash of its URL), gaps and on-air time added. */
    void relayed(Timeline.Entry e, Timeline timeline, RelayResult r, long offsetUsed) {
        if (r.end() != null) {
            played.workedUntil(workedThrough(r.end(), e.end()));
        }
        String sha = Hashes.sha256Hex(e.stream().url().getBytes(StandardCharsets.UTF_8));
        PlayRecord rec = new PlayRecord(e.id(), e.campaignId(), e.clazz(), e.mode(), sha, e.start(), r.start(), r.end(),
                r.outcome(), r.outcome() == Outcome.PLAYED ? null : r.reason(), offsetUsed, timeline.version(),
                r.relay());
        try {
            long seq = spool.append(rec).seq();
            LOG.info("record " + seq + ": " + r.outcome() + " relay " + e.id() + ", " + r.relay().onAirMs()
                    + " ms on air, " + r.relay().gaps().size() + " gaps");
        } catch (IOException ex) {
            LOG.severe("cannot spool relay record for " + e.id() + ": " + ex.getMessage());
        }
    }

    /**
     * Time worked through by what ended at {@code end}: never past its scheduled end. mpv's end of file (or a
     * cut a loaded machine makes late) lands a little inside the next entry's time, and that entry, not played
     * yet, must still be found due rather than passed over as time already worked through.
     */
    private static long workedThrough(long end, long scheduledEnd) {
        return Math.min(end, scheduledEnd);
    }

    void missed(Segment seg, Timeline timeline, Outcome outcome, String reason, long offset) {
        record(seg, timeline, new Ending(outcome, reason, true), null, null, offset);
    }
}
