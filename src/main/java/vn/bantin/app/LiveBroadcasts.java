package vn.bantin.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.access.Actor;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.Status;
import vn.bantin.media.LiveTranscoder;
import vn.bantin.store.LiveSessionRepository;
import vn.bantin.stream.IcecastSource;
import vn.bantin.stream.LiveStreamServer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The audio of sessions on air: one feed per session, from the speaker's microphone to the streaming server's
 * mount and into the recording, which becomes an asset when the session ends (who spoke, when and to whom stay on
 * the session). State changes run on a thread of their own, never on the caller's (the socket's event loop).
 */
public final class LiveBroadcasts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveBroadcasts.class);
    private static final Duration FINISH_WITHIN = Duration.ofSeconds(20);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final LiveSessionService sessions;
    private final LiveStreamServer server;
    private final AssetService assets;
    private final Path recordings;
    private final Path uploads;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "live-sessions");
        t.setDaemon(true);
        return t;
    });

    public LiveBroadcasts(LiveSessionService sessions, LiveStreamServer server, AssetService assets, Path recordings,
                          Path uploads, ZoneId zone, Clock clock) {
        this.sessions = sessions;
        this.server = server;
        this.assets = assets;
        this.recordings = recordings;
        this.uploads = uploads;
        this.zone = zone;
        this.clock = clock;
    }

    /** The URL agents play a session from. */
    public String listenUrl(long sessionId) {
        return server.listenUrl(LiveSessionRepository.mountOf(sessionId));
    }

    /**
     * Opens the microphone feed of an OPEN session the actor may see (blocking: connects to the streaming server).
     * 409 when it already has one or is no longer open; 503 when the streaming server cannot be reached.
     */
    public Feed connect(Actor actor, long sessionId) {
        LiveSession s = sessions.get(actor, sessionId);
        if (s.status() != Status.OPEN || feeds.containsKey(sessionId)) {
            throw new ApiException(409, "not_open", "Phiên " + sessionId + " không còn chờ micro (" + s.status()
                    + ") / session " + sessionId + " is not waiting for a microphone");
        }
        try {
            Files.createDirectories(recordings);
            Path file = recordings.resolve("live-" + sessionId + ".webm");
            OutputStream mount = IcecastSource.open(server.source(s.mount()), s.title());
            Feed feed = new Feed(actor, s, file);
            feed.transcoder = LiveTranscoder.start(file, mount, why -> feed.broken(why));
            if (feeds.putIfAbsent(sessionId, feed) != null) {
                feed.transcoder.close();
                throw new ApiException(409, "not_open", "Phiên " + sessionId + " đã có micro / session " + sessionId
                        + " already has a microphone");
            }
            return feed;
        } catch (IOException e) {
            LOG.warn("live session {}: streaming server unreachable: {}", sessionId, e.getMessage());
            throw new ApiException(503, "stream_unavailable", "Không kết nối được máy chủ phát luồng / The streaming"
                    + " server cannot be reached: " + e.getMessage());
        }
    }

    /** Ends a session the actor may see, and its feed if it has one; its recording is kept in the background. */
    public LiveSession end(Actor actor, long sessionId) {
        LiveSession ended = sessions.end(actor, sessionId);
        Feed feed = feeds.get(sessionId);
        if (feed != null) {
            feed.end();
        }
        return ended;
    }

    /** One session's microphone. */
    public final class Feed {
        private final Actor actor;
        private final LiveSession session;
        private final Path file;
        private final AtomicBoolean started = new AtomicBoolean();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private LiveTranscoder transcoder;

        private Feed(Actor actor, LiveSession session, Path file) {
            this.actor = actor;
            this.session = session;
            this.file = file;
        }

        public long sessionId() {
            return session.id();
        }

        /** One MediaRecorder chunk; the first puts the session on air. False: too far behind, the feed ends. */
        public boolean accept(byte[] chunk) {
            if (stopped.get()) {
                return false;
            }
            if (started.compareAndSet(false, true)) {
                long epoch = clock.millis();
                work.execute(() -> sessions.onAir(session.id(), epoch));
            }
            if (!transcoder.accept(chunk)) {
                stop(Status.FAILED, "Âm thanh đến nhanh hơn máy chủ xử lý / The audio arrives faster than it can be"
                        + " streamed");
                return false;
            }
            return true;
        }

        /** The speaker ended the session. */
        public void end() {
            stop(Status.ENDED, null);
        }

        /** The microphone's connection closed without an end. */
        public void lost() {
            stop(Status.ENDED, "Kết nối micro bị ngắt / The microphone connection closed");
        }

        private void broken(String why) {
            stop(Status.FAILED, why);
        }

        private void stop(Status status, String reason) {
            if (stopped.compareAndSet(false, true)) {
                work.execute(() -> {
                    sessions.finish(session.id(), started.get() ? status : Status.FAILED,
                            started.get() ? reason : "Không nhận được âm thanh / No audio arrived");
                    keep();
                });
            }
        }

        /**
     * The recording (remuxed to Ogg/Opus) becomes an asset of the speaker's area, probed, measured and rendered like
     * an upload; what was received stays where it is if that fails, so nothing said on air is lost.
     */
        private void keep() {
            try {
                long bytes = transcoder.finish(FINISH_WITHIN);
                feeds.remove(session.id());
                if (bytes == 0) {
                    Files.deleteIfExists(file);
                    return;
                }
                Files.createDirectories(uploads);
                Path ogg = Files.createTempFile(uploads, "live-", ".ogg");
                LiveTranscoder.remux(file, ogg, FINISH_WITHIN);
                String name = "Phát trực tiếp: " + session.title() + " — "
                        + WHEN.format(Instant.ofEpochMilli(session.startedAt()).atZone(zone)) + ".ogg";
                long assetId = assets.upload(actor, ogg, name).asset().asset().id();
                sessions.recorded(session.id(), assetId);
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                LOG.error("live session {}: recording kept at {} but not stored as an asset: {}", session.id(), file,
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        feeds.values().forEach(Feed::lost);
        work.shutdown();
        try {
            work.awaitTermination(FINISH_WITHIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
    }
}
