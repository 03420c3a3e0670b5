package vn.bantin.store.migration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.evidence.GapNotice;
import vn.bantin.evidence.PlayNames;
import vn.bantin.store.Database;
import vn.bantin.store.DeviceKeyRepository;
import vn.bantin.store.GapNoticeRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.RefusedRecord;
import vn.bantin.store.Sql;
import vn.bantin.store.StoredPlay;
import vn.bantin.store.StoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Evidence is append-only: no code path updates or deletes it, and the database refuses to")
class EvidenceAppendOnlyTest {

    private static final Pattern REWRITE = Pattern.compile(
            "\\b(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE(\\s+TABLE)?|DROP\\s+TABLE)\\s+\"?(\\w+)",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path dir;

    @Test
    @DisplayName("no SQL in the controller's code or migrations rewrites a play record, conflict, refusal, gap notice"
            + " or device key")
    void noCodePathRewritesEvidence() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/main"))) {
            files = walk.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList();
        }
        for (Path file : files) {
            Matcher m = REWRITE.matcher(Files.readString(file));
            while (m.find()) {
                if (V14__Evidence_outlives_what_it_names.APPEND_ONLY.contains(m.group(3).toLowerCase())) {
                    offences.add(file + ": " + m.group());
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(offences).isEmpty();
    }

    @Test
    @DisplayName("the database refuses UPDATE and DELETE on stored evidence, whoever asks; INSERT goes on")
    void theDatabaseRefuses() {
        try (Database db = Database.open("jdbc:hsqldb:file:" + dir.resolve("db/bantin") + ";hsqldb.tx=mvcc", "SA", "")) {
            db.tx(c -> {
                new PlayRecordRepository().insert(c, new StoredPlay("d".repeat(32), 1, 7, "{}", "sig", "h".repeat(64),
                        "0".repeat(64), "e1", 3L, "NORMAL", "ONCE", "a".repeat(64), 1L, 2L, 3L, "PLAYED", null, false,
                        4L, new PlayNames("Bản tin", null, "Loa", null, null, null)));
                new PlayRecordRepository().insertConflict(c, "d".repeat(32), 1, "{\"other\":1}", "sig", 5L);
                new PlayRecordRepository().insertRefused(c, "d".repeat(32), new RefusedRecord("f".repeat(64), 2L, "{}",
                        "bad", "bad_signature", "does not verify"), 5L);
                new GapNoticeRepository().insertIfAbsent(c, "n".repeat(64), new GapNotice("d".repeat(32), 2, 2,
                        GapNotice.Cause.REFUSED, "kept aside", 5L), "{}", "sig", 5L);
                new DeviceKeyRepository().remember(c, "d".repeat(32), "key", 7, 4L);
                return null;
            });

            for (String table : V14__Evidence_outlives_what_it_names.APPEND_ONLY) {
                Optional<Long> rows = db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM " + table, rs -> rs.getLong(1)));
                assertThat(rows).as(table).contains(1L);
            }
            for (String sql : List.of("UPDATE play_record SET outcome = 'MISSED'", "DELETE FROM play_record",
                    "UPDATE device_key SET public_key = 'other'", "DELETE FROM device_key",
                    "UPDATE play_record_conflict SET payload = '{}'", "DELETE FROM play_record_conflict",
                    "UPDATE gap_notice SET detail = 'x'", "DELETE FROM gap_notice",
                    "UPDATE play_record_refused SET code = 'ok'", "DELETE FROM play_record_refused")) {
                assertThatThrownBy(() -> db.tx(c -> Sql.update(c, sql))).as(sql).isInstanceOf(StoreException.class)
                        .hasMessageContaining("append-only");
            }
            Optional<String> outcome = db.read(c -> Sql.one(c, "SELECT outcome FROM play_record", rs -> rs.getString(1)));
            Optional<String> key = db.read(c -> Sql.one(c, "SELECT public_key FROM device_key", rs -> rs.getString(1)));
            assertThat(outcome).contains("PLAYED");
            assertThat(key).contains("key");
        }
    }
}
