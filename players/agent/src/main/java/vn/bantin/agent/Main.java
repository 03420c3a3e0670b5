package vn.bantin.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.bantin.agent.amp.AmpRelay;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.clock.ClockWatch;
import vn.bantin.agent.clock.TimeSources;
import vn.bantin.agent.command.CommandExecutor;
import vn.bantin.agent.config.AgentConfig;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.playback.MasterVolume;
import vn.bantin.agent.playback.MpvProcess;
import vn.bantin.agent.playback.PlaybackEvents;
import vn.bantin.agent.playback.PlaybackSettings;
import vn.bantin.agent.playback.PlayedLog;
import vn.bantin.agent.playback.Player;
import vn.bantin.agent.spool.GapNotices;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;
import vn.bantin.agent.spool.SpoolFaults;
import vn.bantin.agent.spool.Uploader;
import vn.bantin.agent.spool.WriteRetry;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.status.Faults;
import vn.bantin.agent.status.SinceLastHeartbeat;
import vn.bantin.agent.sync.ControllerClient;
import vn.bantin.agent.sync.ControllerTls;
import vn.bantin.agent.sync.ControllerTrust;
import vn.bantin.agent.sync.Enrollment;
import vn.bantin.agent.sync.Heartbeat;
import vn.bantin.agent.sync.HeartbeatFacts;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.PushClient;
import vn.bantin.agent.sync.StreamInbox;
import vn.bantin.agent.sync.SyncService;
import vn.bantin.agent.sync.TimelineStore;
import vn.bantin.agent.sync.TimelineVerifier;

/** Wires the agent from its config, runs it until SIGTERM, then stops the player cleanly. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LogSetup.toStdout();
        Logger log = Logger.getLogger(Main.class.getName());
        // a worker thread that dies would leave a zombie agent; exit so systemd starts a whole one again
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            log.log(Level.SEVERE, "thread " + thread.getName() + " died; exiting", e);
            Runtime.getRuntime().halt(70);
        });
        AgentConfig cfg = AgentConfig.load(args, System.getenv());
        ControllerTls.configure(cfg.controllerUrl(), cfg.controllerCaFile(), cfg.controllerCaFingerprint(),
                cfg.controllerPlainHttp());
        Path state = cfg.stateDir();
        Files.createDirectories(state);

        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        AgentClock clock = new AgentClock(state, TimeSources.of(cfg.clockSkewFile()), cfg.clockMaxStepMs());
        Faults faults = new Faults(clock::now);
        clock.reportTo(faults);
        ControllerTls.reportInsecure(cfg.controllerUrl(), faults);
        AgentStatus status = new AgentStatus(state, keys.deviceId());
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        PlayedLog played = PlayedLog.load(state, PlayedLog.fromPayloads(
                spool.oldest(Integer.MAX_VALUE).stream().map(SpooledRecord::payload).toList()));
        spool.beforeDelete(() -> persist(played, log));
        // a torn record was written when its item ended: nothing due before then is played again
        spool.tornSeqs().values().forEach(t -> played.workedUntil(t.writtenAt() + clock.offsetMs()));
        ControllerTrust trust = ControllerTrust.of(cfg.controllerKey(), cfg.controllerKeyFingerprint());
        Enrollment enrollment = new Enrollment(state, keys, cfg.kind(), cfg.name(), cfg.enrollmentCode(), trust);
        if (enrollment.pinnedKey() == null && !trust.configured()) {
            log.severe("NOT ENROLLING: neither controller.key.fingerprint nor controller.key is configured. Copy the"
                    + " installer text of the endpoint's enrollment code (it carries the controller key fingerprint)"
                    + " into the config; this agent never trusts a controller key on first use.");
        }
        TimelineStore store = new TimelineStore(state);
        MediaCache cache = new MediaCache(state.resolve("media"));
        MasterVolume volume = new MasterVolume(state);

        store.onChange(t -> status.timelineVersion(t.version()));
        spool.onChange(() -> status.spooledRecords(spool.count()));
        clock.onChange(status::clockOffsetMs);
        status.enrollment(enrollment.status());
        status.spooledRecords(spool.count());
        status.clockOffsetMs(clock.offsetMs());
        if (enrollment.pinnedKey() != null) {
            store.init(new TimelineVerifier(enrollment.pinnedKey(), keys.deviceId()));
        }
        log.info("device " + keys.deviceId() + " (" + cfg.kind() + " " + cfg.name() + "), controller "
                + cfg.controllerUrl() + ", state " + state + ", " + spool.count() + " records spooled");

        SinceLastHeartbeat since = SinceLastHeartbeat.open(state);
        AtomicReference<Runnable> linkBack = new AtomicReference<>(() -> { });
        ControllerClient client = new ControllerClient(cfg.controllerUrl(), new RequestSigner(keys), clock,
                enrollment::trustedKey, new ControllerClient.Link() {
                    @Override
                    public void up() {
                        if (since.linkUp(clock.now())) {
                            linkBack.get().run();
                        }
                    }

                    @Override
                    public void down() {
                        since.linkDown(clock.now());
                    }
                });
        SyncService sync = new SyncService(client, enrollment, store, cache, clock, cfg.pollInterval(),
                keys.deviceId(), status);
        MpvProcess mpv = new MpvProcess(cfg.mpvPath(), cfg.mpvArgs(), state.resolve("mpv.sock"), clock::now);
        RequestSigner signer = new RequestSigner(keys);
        Heartbeat heartbeat = new Heartbeat(client, signer, enrollment, new HeartbeatFacts.Sources(clock, status, store, cache,
                spool, faults, since, () -> mpvState(mpv, status), volume::percent, state), sync,
                cfg.heartbeatInterval(), keys.deviceId());
        faults.onActiveChange(heartbeat::now);
        GapNotices notices = new GapNotices(state.resolve("spool").resolve("notices"), keys, clock::now);
        SpoolFaults.watch(spool, notices, faults, () -> persist(played, log));
        WriteRetry writeRetry = new WriteRetry(spool, 5_000);
        Uploader uploader = new Uploader(spool, notices, client, enrollment::isActive, enrollment::pinnedKey);
        linkBack.set(uploader::linkBack);
        AmpRelay amp = cfg.amp().configured() ? new AmpRelay(cfg.amp(), state, faults, clock::now) : null;
        PlaybackEvents statusEvents = new StatusEvents(status, heartbeat);
        Player player = new Player(mpv, store, cache, played, spool, clock, faults, volume,
                amp == null ? statusEvents : PlaybackEvents.all(List.of(statusEvents, amp)),
                new PlaybackSettings(cfg.missGrace(), cfg.preload(), cfg.loopMinJoin()));
        CommandExecutor commands = new CommandExecutor(state, enrollment::pinnedKey, keys.deviceId(),
                new PlayerActions(player, volume, sync, heartbeat, "SCREEN".equals(cfg.kind())), client, faults, clock::now);
        PushClient push = new PushClient(cfg.controllerUrl(), signer, clock, enrollment::isActive, sync::requestPull,
                new StreamInbox(sync::requestPull, commands::receive, heartbeat), cfg.pushSilence());
        heartbeat.sendOn(push);
        sync.streamOpen(push::isOpen);
        ClockWatch clockWatch = new ClockWatch(clock);

        daemon(clockWatch, "clock");
        daemon(sync, "sync");
        daemon(heartbeat, "heartbeat");
        daemon(uploader, "upload");
        daemon(writeRetry, "spool-retry");
        daemon(push, "push");
        daemon(commands, "commands");
        if (amp != null) {
            daemon(amp, "amplifier");
        }
        Thread playerThread = new Thread(player, "player");
        playerThread.setPriority(Thread.MAX_PRIORITY);
        playerThread.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sync.stop();
            heartbeat.stop();
            uploader.stop();
            writeRetry.stop();
            push.stop();
            commands.stop();
            clockWatch.stop();
            player.stop();
            try {
                playerThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (amp != null) {
                amp.close();
            }
            persist(played, log);
            clock.persist();
            mpv.close();
            client.close();
        }, "shutdown"));
        playerThread.join();
    }

    private static String mpvState(MpvProcess mpv, AgentStatus status) {
        if (!mpv.isRunning()) {
            return "DOWN";
        }
        return status.nowPlaying() == null ? "IDLE" : "PLAYING";
    }

    private static void persist(PlayedLog played, Logger log) {
        try {
            played.persist();
        } catch (java.io.IOException e) {
            log.warning("cannot save the no-replay state: " + e.getMessage());
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
