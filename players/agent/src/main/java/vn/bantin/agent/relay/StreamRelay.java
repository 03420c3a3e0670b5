package vn.bantin.agent.relay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.spool.PlayRecord.Outcome;
import vn.bantin.agent.sync.Backoff;

/**
 * Relays one live stream until its end or a cut: plays it in the agent's mpv, watches that audio keeps coming
 * (mpv's end-of-file and error events, time-pos advancing), and when it stalls or is unreachable loops the
 * fallback (or keeps silent) while it retries with backoff and jitter, switching back as soon as a probe finds
 * the stream answering again. Used for scheduled relays and, by the live microphone, for live sessions.
 */
public final class StreamRelay {

    private static final Logger LOG = Logger.getLogger(StreamRelay.class.getName());
    private static final long POLL_MS = 200;

    private final StreamOutput out;
    private final AgentClock clock;
    private final RelaySettings settings;
    private final StreamProbe probe;

    public StreamRelay(StreamOutput out, AgentClock clock, RelaySettings settings) {
        this.out = out;
        this.clock = clock;
        this.settings = settings;
        this.probe = new StreamProbe(settings.probe());
    }

    /**
     * What to relay: the signed URL, for a live session its epoch (the controller time of stream position 0, to
     * align playout to; null for a station relayed as it comes), the fallback's sha256 (null = silence) and where it is cached now (asked at
     * each gap: an agent that joins a window at boot may still be fetching it), the volume to play at.
     */
    public record Job(String url, Long epochMs, String fallbackSha, Supplier<Path> fallbackFile, int volume) {
    }

    /** Relays until {@code watch} says the end is reached or cuts it; always leaves the output stopped. */
    public RelayResult relay(Job job, RelayWatch watch) throws InterruptedException {
        Run run = new Run(job, watch);
        try {
            return run.go();
        } finally {
            out.stop();
        }
    }

    private final class Run {
        private final Job job;
        private final RelayWatch watch;
        private final GapLog log;
        private final Backoff backoff;
        private Long firstSound;
        private String cut;

        Run(Job job, RelayWatch watch) {
            this.job = job;
            this.watch = watch;
            this.log = new GapLog(job.fallbackSha());
            this.backoff = new Backoff(settings.retryMin().toMillis(), settings.retryMax().toMillis());
        }

        RelayResult go() throws InterruptedException {
            while (!over()) {
                String failure = onStream();
                if (failure == null) {
                    break;
                }
                LOG.info("relay of " + job.url() + " down: " + failure);
                log.down(clock.now(), failure);
                inGap();
            }
            long end = clock.now();
            return result(end);
        }

        /** Plays the stream until it fails (the reason) or the relay is over (null). */
        private String onStream() throws InterruptedException {
            long handle;
            try {
                handle = out.playStream(job.url(), job.volume(), job.epochMs());
            } catch (IOException e) {
                return "mpv: " + e.getMessage();
            }
            long deadline = clock.now() + settings.connect().toMillis();
            boolean up = false;
            while (!over()) {
                long now = clock.now();
                StreamOutput.Facts f = out.facts(handle);
                Long progress = f.lastProgressAt() != null ? f.lastProgressAt() : f.startedAt();
                if (f.outputGone()) {
                    return down(up ? progress : now, "mpv stopped; restarting it");
                }
                if (f.endedAt() != null) {
                    return down(up ? progress : f.endedAt(), "stream ended (" + f.endReason()
                            + (f.fileError() == null ? "" : ": " + f.fileError()) + ")");
                }
                if (!up && f.startedAt() != null) {
                    up = true;
                    boolean recovered = log.isDown() || log.firstOnAir() != null;
                    log.up(f.startedAt());
                    sounded(f.startedAt());
                    backoff.reset();
                    LOG.info("relay of " + job.url() + " on the air" + (recovered ? " again" : "") + " from "
                            + f.startedAt());
                    watch.onAir(f.startedAt(), recovered);
                }
                if (!up && now > deadline) {
                    return "stream did not start within " + settings.connect().toMillis() + " ms";
                }
                if (up && progress != null && now - progress > settings.stall().toMillis()) {
                    return down(progress, "stream stalled: no audio for " + (now - progress) + " ms");
                }
                out.awaitChange(handle, Math.max(1, Math.min(POLL_MS, watch.endAt() - now)));
            }
            return null;
        }

        private String down(long at, String reason) {
            log.down(at, reason);
            return reason;
        }

        /** The fallback loops (or silence) while the stream is retried; returns once it answers or it is over. */
        private void inGap() throws InterruptedException {
            Long fallback = null;
            Path file = job.fallbackSha() == null ? null : job.fallbackFile().get();
            if (file != null) {
                try {
                    fallback = out.playLooped(file, job.volume());
                } catch (IOException e) {
                    LOG.warning("fallback does not play: " + e.getMessage());
                }
            } else {
                out.stop();
            }
            probe.markDown(job.url());
            while (!over()) {
                long wake = Math.min(clock.now() + backoff.next(), watch.endAt());
                while (!over() && clock.now() < wake) {
                    if (fallback != null) {
                        StreamOutput.Facts f = out.facts(fallback);
                        if (f.startedAt() != null && !log.fallbackWasHeard()) {
                            LOG.info("relay fallback " + job.fallbackSha() + " heard from " + f.startedAt());
                            sounded(f.startedAt());
                            log.fallbackHeard();
                        } else if (f.endedAt() != null) {
                            LOG.warning("relay fallback ended: " + f.endReason() + " " + f.fileError());
                            fallback = null;
                        }
                        out.awaitChange(fallback, Math.max(1, Math.min(POLL_MS, wake - clock.now())));
                    } else {
                        Thread.sleep(Math.max(1, Math.min(POLL_MS, wake - clock.now())));
                    }
                }
                if (!over() && probe.problem(job.url()) == null) {
                    return;
                }
            }
        }

        private void sounded(long at) {
            if (firstSound == null) {
                firstSound = at;
            }
        }

        private boolean over() {
            if (cut == null) {
                cut = clock.now() < watch.endAt() ? watch.cutReason() : watch.endedEarlyBy();
            }
            return cut != null || clock.now() >= watch.endAt();
        }

        private RelayResult result(long end) {
            if (firstSound == null) {
                String why = log.lastReason() != null ? log.lastReason() : cut;
                return new RelayResult(null, null, cut != null && log.lastReason() == null ? Outcome.INTERRUPTED
                        : Outcome.FAILED, why == null ? "the stream never played" : why, log.figures(end, end));
            }
            if (log.firstOnAir() == null) {
                return new RelayResult(firstSound, end, Outcome.FAILED, "the stream never played: " + log.lastReason()
                        + "; the fallback filled the window", log.figures(firstSound, end));
            }
            return new RelayResult(firstSound, end, cut == null ? Outcome.PLAYED : Outcome.INTERRUPTED, cut,
                    log.figures(firstSound, end));
        }
    }
}
