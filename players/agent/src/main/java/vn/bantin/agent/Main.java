package vn.bantin.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import vn.bantin.agent.config.AgentConfig;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.crypto.RequestSigner;
import vn.bantin.agent.playback.MpvProcess;
import vn.bantin.agent.playback.Player;
import vn.bantin.agent.spool.GapNotices;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.Uploader;
import vn.bantin.agent.status.AgentStatus;
import vn.bantin.agent.sync.AgentClock;
import vn.bantin.agent.sync.ControllerClient;
import vn.bantin.agent.sync.Enrollment;
import vn.bantin.agent.sync.Heartbeat;
import vn.bantin.agent.sync.MediaCache;
import vn.bantin.agent.sync.PushClient;
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
            log.log(java.util.logging.Level.SEVERE, "thread " + thread.getName() + " died; exiting", e);
            Runtime.getRuntime().halt(70);
        });
        AgentConfig cfg = AgentConfig.load(args, System.getenv());
        Path state = cfg.stateDir();
        Files.createDirectories(state);

        DeviceKeys keys = DeviceKeys.loadOrCreate(state);
        AgentClock clock = new AgentClock(state);
        AgentStatus status = new AgentStatus(state, keys.deviceId());
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), keys);
        Enrollment enrollment = new Enrollment(state, keys, cfg.kind(), cfg.name(), cfg.enrollmentCode());
        TimelineStore store = new TimelineStore(state);
        MediaCache cache = new MediaCache(state.resolve("media"));

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

        ControllerClient client = new ControllerClient(cfg.controllerUrl(), new RequestSigner(keys), clock);
        SyncService sync = new SyncService(client, enrollment, store, cache, clock, cfg.pollInterval(),
                keys.deviceId(), status);
        Heartbeat heartbeat = new Heartbeat(client, enrollment, store, cache, spool, clock, status, sync,
                cfg.heartbeatInterval(), state);
        GapNotices notices = new GapNotices(state.resolve("spool").resolve("notices"), keys, clock::now);
        Uploader uploader = new Uploader(spool, notices, client, enrollment::isActive, enrollment::pinnedKey);
        PushClient push = new PushClient(cfg.controllerUrl(), new RequestSigner(keys), clock, enrollment::isActive,
                sync::requestPull);
        MpvProcess mpv = new MpvProcess(cfg.mpvPath(), cfg.mpvArgs(), state.resolve("mpv.sock"));
        Player player = new Player(mpv, store, cache, spool, clock, status, cfg.missGrace(), cfg.preload());

        daemon(sync, "sync");
        daemon(heartbeat, "heartbeat");
        daemon(uploader, "upload");
        daemon(push, "push");
        Thread playerThread = new Thread(player, "player");
        playerThread.start();

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sync.stop();
            heartbeat.stop();
            uploader.stop();
            push.stop();
            player.stop();
            try {
                playerThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            mpv.close();
            client.close();
        }, "shutdown"));
        playerThread.join();
    }

    private static void daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }
}
