package vn.bantin.media;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.domain.AssetKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AssetStoreTest {

    private static final long LIMIT = 50_000_000;

    @TempDir
    Path dataDir;
    @TempDir
    Path uploads;

    private AssetStore store;

    @BeforeEach
    void setUp() {
        store = new AssetStore(dataDir, new MediaProbe());
    }

    @Test
    @DisplayName("a valid video lands at media/<aa>/<sha256> and the temp file is gone")
    void storesByHash() throws Exception {
        Path temp = upload(TestMedia.mp4(uploads, "v.mp4", 2, true));
        String expectedSha = sha256(temp);
        long size = Files.size(temp);

        IngestResult r = store.ingest(temp, "Nghị quyết 57.mp4", LIMIT);

        assertThat(r.sha256()).isEqualTo(expectedSha);
        assertThat(r.sizeBytes()).isEqualTo(size);
        assertThat(r.duplicate()).isFalse();
        assertThat(r.safeName()).isEqualTo("Nghị quyết 57.mp4");
        assertThat(r.probe().kind()).isEqualTo(AssetKind.VIDEO);
        assertThat(store.path(expectedSha))
                .isEqualTo(dataDir.resolve("media").resolve(expectedSha.substring(0, 2)).resolve(expectedSha))
                .isRegularFile();
        assertThat(sha256(store.path(expectedSha))).isEqualTo(expectedSha);
        assertThat(temp).doesNotExist();
    }

    @Test
    @DisplayName("the same bytes uploaded twice are one file, the second marked duplicate")
    void duplicateRecognised() throws Exception {
        Path first = upload(TestMedia.mp3(uploads, "a.mp3", 2));
        Path second = Files.copy(first, uploads.resolve("b.tmp"));

        IngestResult r1 = store.ingest(first, "bản tin sáng.mp3", LIMIT);
        IngestResult r2 = store.ingest(second, "bản tin sáng (2).mp3", LIMIT);

        assertThat(r1.duplicate()).isFalse();
        assertThat(r2.duplicate()).isTrue();
        assertThat(r2.sha256()).isEqualTo(r1.sha256());
        assertThat(storedFiles()).containsExactly(store.path(r1.sha256()));
        assertThat(second).doesNotExist();
    }

    @Test
    @DisplayName("an upload over the size limit is refused and its temp file deleted")
    void overLimitRefused() {
        Path temp = upload(TestMedia.mp4(uploads, "big.mp4", 2, true));

        assertThatThrownBy(() -> store.ingest(temp, "big.mp4", 1_000))
                .isInstanceOf(MediaRejected.class)
                .hasMessageStartingWith("Tệp quá lớn")
                .hasMessageContaining("the limit is 0.0 MB")
                .extracting(e -> ((MediaRejected) e).reason()).isEqualTo(MediaRejected.Reason.TOO_LARGE);
        assertThat(temp).doesNotExist();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    @DisplayName("a zero-byte upload is refused, nothing stored")
    void emptyRefused() throws IOException {
        Path temp = Files.createFile(uploads.resolve("empty.tmp"));

        assertThatThrownBy(() -> store.ingest(temp, "empty.mp4", LIMIT))
                .isInstanceOf(MediaRejected.class)
                .hasMessage("Tệp rỗng (0 byte) / The file is empty (0 bytes)");
        assertThat(temp).doesNotExist();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    @DisplayName("a text file named .mp3 is refused, nothing stored")
    void textRefused() {
        Path temp = TestMedia.text(uploads, "fake.tmp");

        assertThatThrownBy(() -> store.ingest(temp, "ban-tin.mp3", LIMIT))
                .isInstanceOf(MediaRejected.class)
                .hasMessageContaining("Not a valid video, image or audio file");
        assertThat(temp).doesNotExist();
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    @DisplayName("truncated MP4s (faststart and moov-at-end) are refused, nothing stored, temp deleted")
    void truncatedRefused() {
        for (boolean faststart : List.of(true, false)) {
            Path full = TestMedia.mp4(uploads, "full-" + faststart + ".mp4", 4, faststart);
            Path half = TestMedia.firstHalf(full, uploads.resolve("half-" + faststart + ".tmp"));

            assertThatThrownBy(() -> store.ingest(half, "clip.mp4", LIMIT))
                    .isInstanceOf(MediaRejected.class)
                    .hasMessageContaining(" / ");
            assertThat(half).doesNotExist();
        }
        assertThat(storedFiles()).isEmpty();
    }

    @Test
    @DisplayName("a PNG infographic is stored as IMAGE by hash; its display name, slashes and all, names no file")
    void imageWithHostileName() throws Exception {
        IngestResult r = store.ingest(upload(TestMedia.png(uploads, "p.png")), "../../etc/passwd\u0000", LIMIT);

        assertThat(r.probe().kind()).isEqualTo(AssetKind.IMAGE);
        assertThat(r.safeName()).isEqualTo("../../etc/passwd");
        assertThat(store.path(r.sha256())).exists();
        assertThat(dataDir.resolve("etc")).doesNotExist();
    }

    @Test
    @DisplayName("an upload on another file system (tmpfs) is copied in, then renamed atomically")
    void acrossFileSystems() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && !Files.getFileStore(shm).equals(Files.getFileStore(dataDir)),
                "needs /dev/shm on a different file system from the data dir");
        Path otherFs = Files.createTempDirectory(shm, "bantin-upload-");
        try {
            Path temp = upload(TestMedia.wav(otherFs, "w.wav", 1));
            String sha = sha256(temp);

            IngestResult r = store.ingest(temp, "w.wav", LIMIT);

            assertThat(r.sha256()).isEqualTo(sha);
            assertThat(sha256(store.path(sha))).isEqualTo(sha);
            assertThat(temp).doesNotExist();
            assertThat(storedFiles()).containsExactly(store.path(sha));
        } finally {
            try (Stream<Path> left = Files.list(otherFs)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(otherFs);
        }
    }

    @Test
    @DisplayName("path() accepts only 64 lowercase hex digits")
    void pathGuardsTraversal() {
        for (String bad : new String[] {"../x", "..", "", "ABCDEF" + "0".repeat(58), "g".repeat(64),
                "0".repeat(63), "0".repeat(65), "../" + "0".repeat(61), "0".repeat(62) + "/."}) {
            assertThatThrownBy(() -> store.path(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.path(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.path("ab" + "0".repeat(62))).startsWithRaw(dataDir.resolve("media").resolve("ab"));
    }

    /** Renames a made file the way the HTTP layer names a streamed upload: the name says nothing. */
    private static Path upload(Path made) {
        try {
            return Files.move(made, made.resolveSibling("upload-" + made.getFileName() + ".tmp"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> storedFiles() {
        Path media = dataDir.resolve("media");
        if (!Files.exists(media)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(media)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
