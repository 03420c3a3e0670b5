package vn.bantin.store.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.store.Database;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.Sql;
import vn.bantin.store.StoredPlay;

/**
 * V126 on a database at V125 holding records: the records stay as they were, play_record loses only its
 * (endpoint_id, entry_id) index, and whether an entry has a record is still answered, from report_entry.
 */
@DisplayName("A database at V125 with records drops the play_record entry index and keeps every record")
class PlayRecordEntryIndexMigrationTest {

    @Test
    void upgradesFromV125(@TempDir Path dir) throws SQLException {
        MigrationWorld world = MigrationWorld.at(dir, "125").seed(
                "INSERT INTO play_record (device_id, seq, endpoint_id, payload, sig, record_hash, prev_hash, entry_id,"
                        + " campaign_id, mode, scheduled_start, outcome, chain_broken, received_at) VALUES ('d1', 1, 7,"
                        + " '{\"seq\":1}', 'sig1', 'h1', 'h0', 's0/2026-03-02/7', 2, 'ONCE', 1772400000000,"
                        + " 'PLAYED', FALSE, 1772400400000)",
                "INSERT INTO play_record (device_id, seq, endpoint_id, payload, sig, record_hash, prev_hash, entry_id,"
                        + " campaign_id, mode, scheduled_start, outcome, chain_broken, received_at) VALUES ('d1', 2, 7,"
                        + " '{\"seq\":2}', 'sig2', 'h2', 'h1', 'loop/2026-03-02/7', 3, 'LOOP', 1772420000000,"
                        + " 'PLAYED', FALSE, 1772420400000)",
                "INSERT INTO report_entry (endpoint_id, entry_id, expected, campaign_id, kind, local_day, start_ms,"
                        + " record_outcome, record_at, record_seq) VALUES (7, 's0/2026-03-02/7', TRUE, 2, 'AUDIO',"
                        + " DATE '2026-03-02', 1772400000000, 'PLAYED', 1772400000040, 1)");
        assertThat(world.indexNames("PLAY_RECORD")).contains("PLAY_RECORD_ENTRY", "PLAY_RECORD_ENDPOINT_DUE");
        try (Database db = world.upgrade()) {
            assertThat(world.appliedVersions()).contains("125", "126");
            assertThat(indexesOf(db)).doesNotContain("PLAY_RECORD_ENTRY").contains("PLAY_RECORD_ENDPOINT_DUE");
            PlayRecordRepository plays = new PlayRecordRepository();
            List<StoredPlay> kept = db.read(c -> plays.byDevice(c, "d1"));
            assertThat(kept).extracting(p -> p.seq() + " " + p.payload() + " " + p.sig())
                    .containsExactly("1 {\"seq\":1} sig1", "2 {\"seq\":2} sig2");
            boolean loopPlayed = db.read(c -> plays.hasLoopPlay(c, 7, 3, 1772419000000L, 1772421000000L));
            assertThat(loopPlayed).isTrue();
            EntryRepository entries = new EntryRepository();
            Optional<EntryState> recorded = db.read(c -> entries.byId(c, 7, "s0/2026-03-02/7"));
            assertThat(recorded.map(EntryState::recordOutcome)).contains(PlayOutcome.PLAYED);
            Optional<EntryState> unrecorded = db.read(c -> entries.byId(c, 7, "s1/2026-03-02/7"));
            assertThat(unrecorded).isEmpty();
        }
    }

    private static List<String> indexesOf(Database db) {
        return db.read(c -> Sql.list(c, "SELECT DISTINCT index_name FROM information_schema.system_indexinfo"
                + " WHERE table_name = 'PLAY_RECORD'", rs -> rs.getString(1)));
    }
}
