package vn.bantin.agent.bench;

import vn.bantin.agent.live.PlayoutAlignment;
import vn.bantin.agent.playback.MpvIpc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * For ops/bench/live: one loudspeaker's player as the agent runs it for a live stream (mpv, null audio output,
 * low latency, the stream's own timestamps), aligned with {@link PlayoutAlignment} or not, printing
 * {@code <wall ms> <time-pos s>} every 100 ms until killed. Arguments: socket dir, url, epochMs, aligned (true/false).
 */
public final class LiveSpeakerProbe {

    public static void main(String[] args) throws Exception {
        Path socket = Files.createTempFile(Path.of(args[0]), "mpv-", ".sock");
        Files.delete(socket);
        Process mpv = new ProcessBuilder("mpv", "--no-config", "--idle=yes", "--vo=null", "--ao=null",
                "--profile=low-latency", "--input-ipc-server=" + socket).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(mpv::destroyForcibly));
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            Thread.sleep(25);
        }
        try (MpvIpc ipc = MpvIpc.connect(socket, e -> { })) {
            ipc.command("loadfile", args[1], "replace", PlayoutAlignment.LOADFILE_OPTIONS);
            if (Boolean.parseBoolean(args[3])) {
                long epoch = Long.parseLong(args[2]);
                Thread align = new Thread(() -> {
                    try {
                        new PlayoutAlignment(System::currentTimeMillis, PlayoutAlignment.DEFAULT_DELAY_MS)
                                .keepAligned(PlayoutAlignment.of(ipc), epoch, () -> true);
                    } catch (Exception e) {
                        System.err.println("alignment stopped: " + e);
                    }
                });
                align.setDaemon(true);
                align.start();
            }
            while (mpv.isAlive()) {
                Object pos = PlayoutAlignment.position(ipc);
                if (pos instanceof Number p) {
                    System.out.println(String.format(Locale.ROOT, "%d %.4f", System.currentTimeMillis(),
                            p.doubleValue()));
                }
                Thread.sleep(100);
            }
        } finally {
            mpv.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
