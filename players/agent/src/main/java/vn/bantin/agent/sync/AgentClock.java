package vn.bantin.agent.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/** The agent's estimate of controller time: local clock plus the last measured offset, kept across restarts. */
public final class AgentClock {

    private static final Logger LOG = Logger.getLogger(AgentClock.class.getName());

    private final Path file;
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile long offsetMs;

    public AgentClock(Path stateDir) {
        this.file = stateDir.resolve("clock-offset");
        if (Files.exists(file)) {
            try {
                offsetMs = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            } catch (IOException | NumberFormatException e) {
                LOG.warning("ignoring unreadable clock offset: " + e.getMessage());
            }
        }
    }

    public long now() {
        return System.currentTimeMillis() + offsetMs;
    }

    public long offsetMs() {
        return offsetMs;
    }

    public void setOffset(long newOffsetMs) {
        if (newOffsetMs == offsetMs) {
            return;
        }
        offsetMs = newOffsetMs;
        try {
            AtomicFiles.write(file, Long.toString(newOffsetMs).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warning("cannot persist clock offset: " + e.getMessage());
        }
        listeners.forEach(l -> l.accept(newOffsetMs));
    }

    public void onChange(LongConsumer listener) {
        listeners.add(listener);
    }
}
