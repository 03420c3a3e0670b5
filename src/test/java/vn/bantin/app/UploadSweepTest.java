package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.store.AreaRepository;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.store.Database;
import vn.bantin.store.UploadRepository;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Abandoned resumable uploads are swept with their bytes; living ones are kept")
class UploadSweepTest {

    @TempDir
    Path dir;
    Database db;

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("idle past 24 h: session and partial file removed; an orphaned .part file too")
    void sweep() throws Exception {
        db = Database.open("jdbc:hsqldb:mem:" + UUID.randomUUID() + ";shutdown=true", "SA", "");
        Instant t0 = Instant.parse("2026-03-02T00:00:00Z");
        Path uploads = dir.resolve("resumable");
        UploadService day0 = service(uploads, t0);
        String old = day0.create(Actor.adminToken(), "cũ.mp4", 100L).id();
        Files.write(day0.part(old), new byte[40]);
        UploadService day1 = service(uploads, t0.plusSeconds(23 * 3600));
        String fresh = day1.create(Actor.adminToken(), "mới.mp4", null).id();
        Files.write(uploads.resolve(UUID.randomUUID() + ".part"), new byte[10]);

        UploadService later = service(uploads, t0.plusSeconds(25 * 3600));
        assertThat(later.sweep()).isEqualTo(2);
        assertThat(Files.exists(later.part(old))).isFalse();
        assertThat(Files.exists(later.part(fresh))).isTrue();
        try (var files = Files.list(uploads)) {
            assertThat(files.toList()).containsExactly(later.part(fresh));
        }
        assertThat(later.offset(Actor.adminToken(), fresh)).isZero();
    }

    private UploadService service(Path uploads, Instant now) {
        return new UploadService(db, new UploadRepository(), null, uploads, 1 << 20,
                Clock.fixed(now, ZoneOffset.UTC), new AreaScope(new AreaRepository()));
    }
}
