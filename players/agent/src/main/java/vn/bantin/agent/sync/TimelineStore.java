package vn.bantin.agent.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Logger;
import vn.bantin.agent.crypto.Hashes;
import vn.bantin.agent.io.AtomicFiles;

/**
 * The last verified timeline, kept on disk as one file (signature line, then the exact body bytes)
 * so body and signature are replaced together, and verified again when read back at boot.
 */
public final class TimelineStore {

    private static final Logger LOG = Logger.getLogger(TimelineStore.class.getName());
    private static final String FILE = "timeline.signed";
    private static final int RETURN_MEMORY_ABOVE_BYTES = 1 << 20;

    private final Path file;
    private final List<Consumer<Timeline>> listeners = new CopyOnWriteArrayList<>();
    private volatile TimelineVerifier verifier;
    private volatile Timeline current;
    private volatile String etag;

    public TimelineStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    /** Sets the verifier once the controller key is pinned and loads the stored timeline if it still verifies. */
    public void init(TimelineVerifier verifier) throws IOException {
        this.verifier = verifier;
        if (!Files.exists(file)) {
            return;
        }
        byte[] stored = Files.readAllBytes(file);
        int newline = indexOf(stored, (byte) '\n');
        if (newline < 0) {
            LOG.warning("stored timeline is damaged; waiting for a new one");
            return;
        }
        String sig = new String(stored, 0, newline, StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOfRange(stored, newline + 1, stored.length);
        try {
            install(verifier.verify(body, sig), body);
            LOG.info("loaded stored timeline " + current.version() + " with " + current.entries().size() + " entries");
            int size = stored.length;
            stored = null;   // not reachable from this frame during the collection
            body = null;
            returnMemory(size);
        } catch (TimelineVerifier.TimelineRejected e) {
            LOG.warning("stored timeline refused: " + e.getMessage());
        }
    }

    /**
     * Verifies, persists and installs a timeline; on refusal nothing changes. A timeline with a lower serial
     * than the one held, or the same serial and other bytes, is refused: an older one replayed.
     */
    public Timeline accept(byte[] body, String signature) throws TimelineVerifier.TimelineRejected, IOException {
        Timeline timeline = verifier.verify(body, signature);
        Timeline held = current;
        if (held != null && (timeline.serial() < held.serial()
                || timeline.serial() == held.serial() && !etagOf(body).equals(etag))) {
            throw new TimelineVerifier.TimelineRejected("timeline serial " + timeline.serial()
                    + " is not newer than the held " + held.serial() + " (an older timeline, replayed?)");
        }
        AtomicFiles.write(file, (signature.trim() + "\n").getBytes(StandardCharsets.US_ASCII), body);
        install(timeline, body);
        returnMemory(body.length);
        return timeline;
    }

    private void install(Timeline timeline, byte[] body) {
        current = timeline;
        etag = etagOf(body);
        listeners.forEach(l -> l.accept(timeline));
    }

    /**
     * The body and the timeline it replaced were garbage the heap grew for; a full collection now gives those
     * pages back to the board (the serial collector shrinks the heap only then) instead of holding them for
     * days. A big timeline comes seldom, and mpv plays on through the short pause.
     */
    private static void returnMemory(int bodyBytes) {
        if (bodyBytes > RETURN_MEMORY_ABOVE_BYTES) {
            System.gc();
        }
    }

    private static String etagOf(byte[] body) {
        return "\"" + Hashes.sha256Hex(body) + "\"";
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

    private static int indexOf(byte[] data, byte b) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
