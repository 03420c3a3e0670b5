package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Sha256;
import vn.bantin.support.SignedAgent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Agent API: POST /agent/v1/plays on a real controller")
class PlaysApiTest {

    private static final String PLAYS = "/agent/v1/plays";
    private static final long T0 = 1_764_050_400_000L;

    @TempDir
    Path dir;
    Commune commune;
    Commune.Enrolled device;
    SignedAgent agent;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
        device = commune.enrolledSpeaker();
        agent = device.agent();
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("a chained batch of 3 is stored; sending it again only counts duplicates")
    void storeThenDuplicates() {
        List<String> chain = chain(agent.deviceId(), 3);

        assertAnswer(upload(signed(chain)), 3, 3, 0, 0);
        assertAnswer(upload(signed(chain)), 3, 0, 3, 0);

        assertThat(storedPayloads()).containsExactlyElementsOf(chain);
    }

    @Test
    @DisplayName("a seq already stored with other bytes is kept aside as a conflict; the stored record stays")
    void conflict() {
        List<String> chain = chain(agent.deviceId(), 3);
        upload(signed(chain));
        String forged = chain.get(1).replace("\"PLAYED\"", "\"MISSED\"");
        assertThat(forged).isNotEqualTo(chain.get(1));

        assertAnswer(upload(signed(List.of(forged))), 3, 0, 0, 1);

        assertThat(storedPayloads()).containsExactlyElementsOf(chain);
        JsonObject evidence = commune.api.get("/api/v1/endpoints/" + device.endpointId() + "/evidence").json();
        assertThat(evidence.getString("status")).isEqualTo("INTACT");
        assertThat(evidence.getInteger("records")).isEqualTo(3);
        assertThat(evidence.getInteger("conflicts")).isEqualTo(1);
    }

    @Test
    @DisplayName("the same conflicting record sent again is still answered, and the stored record stays")
    void conflictResent() {
        List<String> chain = chain(agent.deviceId(), 3);
        upload(signed(chain));
        String forged = chain.get(1).replace("\"PLAYED\"", "\"MISSED\"");
        upload(signed(List.of(forged)));

        SignedAgent.Reply again = upload(signed(List.of(forged)));

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().getLong("highestSeq")).isEqualTo(3);
        assertThat(storedPayloads()).containsExactlyElementsOf(chain);
    }

    @Test
    @DisplayName("highestSeq stops before a gap and moves past it once the missing record arrives")
    void gap() {
        List<String> chain = chain(agent.deviceId(), 4);

        assertAnswer(upload(signed(List.of(chain.get(0), chain.get(1), chain.get(3)))), 2, 3, 0, 0);
        assertAnswer(upload(signed(List.of(chain.get(2)))), 4, 1, 0, 0);

        JsonObject evidence = commune.api.get("/api/v1/endpoints/" + device.endpointId() + "/evidence").json();
        assertThat(evidence.getString("status")).isEqualTo("INTACT");
        assertThat(evidence.getInteger("records")).isEqualTo(4);
    }

    @Test
    @DisplayName("one record with a bad signature refuses the whole batch with 400 and stores none of it")
    void badSignatureRefusesBatch() {
        List<String> chain = chain(agent.deviceId(), 3);
        JsonArray records = signed(chain);
        JsonObject bad = records.getJsonObject(1);
        byte[] sig = Base64.getDecoder().decode(bad.getString("sig"));
        sig[0] ^= 1;
        bad.put("sig", Base64.getEncoder().encodeToString(sig));

        SignedAgent.Reply refused = upload(records);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("bad_signature");
        assertThat(storedPayloads()).isEmpty();
        assertAnswer(upload(new JsonArray()), 0, 0, 0, 0);
        assertAnswer(upload(signed(chain)), 3, 3, 0, 0);
    }

    @Test
    @DisplayName("a record naming another device is refused 400 and nothing of the batch is stored")
    void otherDevice() {
        List<String> mine = chain(agent.deviceId(), 2);
        String theirs = payload(commune.newAgent().deviceId(), 3, Sha256.hex(mine.get(1)), p -> p);
        List<String> batch = new ArrayList<>(mine);
        batch.add(theirs);

        SignedAgent.Reply refused = upload(signed(batch));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("wrong_device");
        assertThat(storedPayloads()).isEmpty();
    }

    @Test
    @DisplayName("a signed payload that is not JSON is refused 400")
    void notJson() {
        List<String> batch = new ArrayList<>(chain(agent.deviceId(), 1));
        batch.add("seq=2; outcome=PLAYED");

        SignedAgent.Reply refused = upload(signed(batch));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("bad_payload");
        assertThat(storedPayloads()).isEmpty();
    }

    @Test
    @DisplayName("a body over the 4 MB agent limit is refused 413")
    void tooLarge() {
        char[] padding = new char[4 * 1024 * 1024 + 1];
        Arrays.fill(padding, 'x');
        byte[] body = new JsonObject().put("records", new JsonArray()).put("padding", new String(padding)).encode()
                .getBytes(StandardCharsets.UTF_8);

        SignedAgent.Reply refused = agent.post(PLAYS, body);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(storedPayloads()).isEmpty();
    }

    /** Payloads 1..count of one device, each naming its predecessor's hash, all fields per the contract. */
    private static List<String> chain(String deviceId, int count) {
        List<String> payloads = new ArrayList<>();
        String prev = "0".repeat(64);
        for (int seq = 1; seq <= count; seq++) {
            String p = payload(deviceId, seq, prev, o -> o);
            payloads.add(p);
            prev = Sha256.hex(p.getBytes(StandardCharsets.UTF_8));
        }
        return payloads;
    }

    private static String payload(String deviceId, long seq, String prevHash, UnaryOperator<JsonObject> edit) {
        long start = T0 + seq * 600_000;
        return edit.apply(new JsonObject().put("deviceId", deviceId).put("seq", seq).put("prevHash", prevHash)
                .put("entryId", "slot-7/20251125T0600/" + seq).put("campaignId", 3L).put("class", "NORMAL")
                .put("mode", "ONCE").put("sha256", "f".repeat(64)).put("scheduledStart", start)
                .put("actualStart", start + 38).put("actualEnd", start + 60_038).put("outcome", "PLAYED")
                .putNull("reason").put("clockOffsetMs", -12).put("timelineVersion", "3e".repeat(32))).encode();
    }

    private JsonArray signed(List<String> payloads) {
        JsonArray records = new JsonArray();
        payloads.forEach(p -> records.add(agent.signedRecord(p)));
        return records;
    }

    private SignedAgent.Reply upload(JsonArray records) {
        return agent.post(PLAYS, new JsonObject().put("records", records));
    }

    private static void assertAnswer(SignedAgent.Reply reply, long highestSeq, int stored, int duplicates,
                                     int conflicts) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject().put("highestSeq", highestSeq).put("stored", stored)
                .put("duplicates", duplicates).put("conflicts", conflicts));
    }

    /** This device's stored payloads by seq, as the management API shows them. */
    private List<String> storedPayloads() {
        return commune.api.get("/api/v1/plays?limit=1000").array().stream().map(JsonObject.class::cast)
                .filter(p -> agent.deviceId().equals(p.getString("deviceId")))
                .sorted((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")))
                .map(p -> p.getString("payload")).toList();
    }
}
