package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.evidence.ChainVerifier.Broken;
import vn.bantin.evidence.ChainVerifier.Intact;
import vn.bantin.evidence.ChainVerifier.Problem;

class ChainVerifierTest {

    private final TestDevice device = new TestDevice();

    @Test
    @DisplayName("an untouched chain is intact and ends at the last record's hash")
    void intact() {
        List<SignedRecord> records = device.next(5);

        assertThat(ChainVerifier.verify(device.publicKey(), records))
                .isEqualTo(new Intact(5, records.get(4).hash()));
        assertThat(ChainVerifier.verify(device.publicKey(), List.of()))
                .isEqualTo(new Intact(0, PlayRecordPayload.GENESIS_HASH));
    }

    @Test
    @DisplayName("an edited payload breaks the signature at its seq")
    void edited() {
        List<SignedRecord> records = new ArrayList<>(device.next(4));
        SignedRecord third = records.get(2);
        records.set(2, new SignedRecord(third.payload().replace("PLAYED", "MISSED"), third.sig()));

        assertBroken(ChainVerifier.verify(device.publicKey(), records), 3, Problem.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("a record re-signed with a wrong prevHash breaks the chain at its seq")
    void prevHashMismatch() {
        List<SignedRecord> records = new ArrayList<>(device.next(2));
        records.add(device.next(node -> node.put("prevHash", "e".repeat(64))));

        assertBroken(ChainVerifier.verify(device.publicKey(), records), 3, Problem.PREV_HASH_MISMATCH);
    }

    @Test
    @DisplayName("a deleted record is a gap at the missing seq")
    void gap() {
        List<SignedRecord> records = new ArrayList<>(device.next(4));
        records.remove(1);

        assertBroken(ChainVerifier.verify(device.publicKey(), records), 2, Problem.GAP);
    }

    @Test
    @DisplayName("records checked with another device's key do not verify")
    void otherKey() {
        assertBroken(ChainVerifier.verify(new TestDevice().publicKey(), device.next(1)), 1, Problem.BAD_SIGNATURE);
    }

    @Test
    @DisplayName("an export file is read as an array or as a plays request body")
    void readsExport(@TempDir Path dir) throws Exception {
        List<SignedRecord> records = device.next(2);
        Path array = dir.resolve("export.json");
        Files.writeString(array, "[" + json(records.get(0)) + "," + json(records.get(1)) + "]");
        Path request = dir.resolve("request.json");
        Files.writeString(request, "{\"records\":[" + json(records.get(0)) + "]}");

        assertThat(ChainVerifier.readExport(array)).isEqualTo(records);
        assertThat(ChainVerifier.readExport(request)).containsExactly(records.get(0));
        assertThat(ChainVerifier.describe(ChainVerifier.verify(device.publicKey(), records))).startsWith("INTACT, 2 records");
    }

    private static String json(SignedRecord record) {
        return new ObjectMapper().createObjectNode()
                .put("payload", record.payload()).put("sig", record.sig()).toString();
    }

    private static void assertBroken(ChainVerifier.Verdict verdict, long seq, Problem problem) {
        assertThat(verdict).isInstanceOfSatisfying(Broken.class, broken -> {
            assertThat(broken.seq()).isEqualTo(seq);
            assertThat(broken.problem()).isEqualTo(problem);
            assertThat(broken.message()).contains("record " + seq);
        });
    }
}
