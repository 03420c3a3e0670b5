package vn.bantin.agent.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The last verified timeline, kept on disk as one file (signature line, then the exact body bytes, see
 * {@link SignedTimelineFile}) so body and signature are replaced together, and verified again when read back at
 * boot. A new one arrives as a file beside it ({@link #partFile()}) and replaces it by a rename once verified.
 */
public final class TimelineStore {

    private static final Logger LOG = Logger.getLogger(TimelineStore.class.getName());
    private static final String FILE = "timeline.signed";
    private static final String PART = ".timeline.part";
    private static final long RETURN_MEMORY_ABOVE_BYTES = 1 << 20;

    private final Path file;
    private final Path part;
    private final List<Consumer<Timeline>> listeners = new CopyOnWriteArrayList<>();
    private volatile TimelineVerifier verifier;
    private volatile Timeline current;
    private volatile String etag;

    public TimelineStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
        this.part = stateDir.resolve(PART);
    }

    /** Sets the verifier once the controller key is pinned and loads the stored timeline if it still verifies. */
    public void init(TimelineVerifier verifier) throws IOException {
        this.verifier = verifier;
        Files.deleteIfExists(part);
        if (!Files.exists(file)) {
            return;
        }
        SignedTimelineFile stored = SignedTimelineFile.open(file);
        if (stored == null) {
            LOG.warning("stored timeline is damaged; waiting for a new one");
            return;
        }
        try {
            install(verifier.verify(stored));
            LOG.info("loaded stored timeline " + current.version() + " with " + current.entries().size() + " entries");
            returnMemory(stored.bodyLength());
        } catch (TimelineVerifier.TimelineRejected e) {
            LOG.warning("stored timeline refused: " + e.getMessage());
        }
    }

    /** Where a pulled timeline is written as it arrives, in the stored format, before {@link #acceptPart()}. */
    public Path partFile() {
        return part;
    }

    /** Verifies, persists and installs timeline bytes held in memory; on refusal nothing changes. */
    public Timeline accept(byte[] body, String signature) throws TimelineVerifier.TimelineRejected, IOException {
        SignedTimelineFile.write(part, body, signature);
        return acceptPart();
    }

    /**
     * Verifies the timeline written to {@link #partFile()}, then makes it the stored one and installs it; on
     * refusal the part is deleted and nothing changes. A timeline with a lower serial than the one held, or the
     * same serial and other bytes, is refused: an older one replayed.
     */
    public Timeline acceptPart() throws TimelineVerifier.TimelineRejected, IOException {
        try {
            SignedTimelineFile pulled = SignedTimelineFile.open(part);
            if (pulled == null) {
                throw new TimelineVerifier.TimelineRejected("timeline is unsigned");
            }
            TimelineVerifier.Verified v = verifier.verify(pulled);
            Timeline held = current;
            if (held != null && (v.timeline().serial() < held.serial()
                    || v.timeline().serial() == held.serial() && !v.etag().equals(etag))) {
                throw new TimelineVerifier.TimelineRejected("timeline serial " + v.timeline().serial()
                        + " is not newer than the held " + held.serial() + " (an older timeline, replayed?)");
            }
            AtomicFiles.fsync(part);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(file.toAbsolutePath().getParent());
            install(v);
            returnMemory(pulled.bodyLength());
            return v.timeline();
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void install(TimelineVerifier.Verified v) {
        current = v.timeline();
        etag = v.etag();
        listeners.forEach(l -> l.accept(v.timeline()));
    }

    /**
     * The timeline it replaced and what parsing left behind were garbage the heap grew for; a full collection now
     * gives those pages back to the board (the serial collector shrinks the heap only then) instead of holding them
     * for days. A big timeline comes seldom, and mpv plays on through the short pause.
     */
    private static void returnMemory(long bodyBytes) {
        if (bodyBytes > RETURN_MEMORY_ABOVE_BYTES) {
            System.gc();
        }
    }

    public Timeline current() {
        return current;
    }

    public String etag() {
        return etag;
    }

    public void onChange(Consumer<Timeline> listener) {
        listeners.add(listener);
    }
}
