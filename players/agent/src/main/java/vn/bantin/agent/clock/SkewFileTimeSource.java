package vn.bantin.agent.clock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system clock moved by the number of milliseconds written in a file, re-read at most every
 * 100 ms: what {@code date -s} would do to the agent, without changing the machine's clock. The
 * monotonic clock is the real one. Only tests configure it ({@code clock.skew.file}).
 */
final class SkewFileTimeSource implements TimeSource {

    private static final long REREAD_MS = 100;

    private final Path file;
    private final TimeSource system = TimeSource.system();
    private volatile long skewMs;
    private volatile boolean read;
    private volatile long checkedAtMono;

    SkewFileTimeSource(Path file) {
        this.file = file;
    }

    @Override
    public long wallMs() {
        long mono = system.monoMs();
        if (!read || mono - checkedAtMono >= REREAD_MS) {
            read = true;
            checkedAtMono = mono;
            skewMs = read();
        }
        return system.wallMs() + skewMs;
    }

    @Override
    public long monoMs() {
        return system.monoMs();
    }

    private long read() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (IOException | NumberFormatException e) {
            return skewMs;
        }
    }
}
