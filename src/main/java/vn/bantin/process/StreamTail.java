package vn.bantin.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads one stream of a program to its end on a daemon thread, keeping its last {@code keep} bytes and, if asked,
 * handing on each complete line as it arrives.
 */
final class StreamTail {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final int keep;
    private final Consumer<String> lines;
    private final Thread thread;

    StreamTail(InputStream in, int keep, Consumer<String> lines, String name) {
        this.keep = keep;
        this.lines = lines;
        this.thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                append(buf, n);
                if (lines != null) {
                    split(buf, n);
                }
            }
        } catch (IOException e) {
            // the pipe closed under us (the program was killed): what was read so far is what there is
        }
        if (lines != null && line.size() > 0) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
        }
    }

    private void append(byte[] buf, int n) {
        synchronized (kept) {
            kept.write(buf, 0, n);
            if (kept.size() > 2 * keep) {
                byte[] all = kept.toByteArray();
                kept.reset();
                kept.write(all, all.length - keep, keep);
            }
        }
    }

    private void split(byte[] buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (line.size() < keep) {
                line.write(buf[i]);
            }
        }
    }

    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    String text() {
        synchronized (kept) {
            byte[] all = kept.toByteArray();
            int from = Math.max(0, all.length - keep);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        }
    }
}
