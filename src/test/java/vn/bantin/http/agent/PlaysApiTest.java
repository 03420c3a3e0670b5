package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.Sha256;
import vn.bantin.support.PlayChain;
import vn.bantin.support.SignedAgent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Agent API: POST /agent/v1/plays on a real controller, answered by a signed range acknowledgement")
class PlaysApiTest {

    private static final String PLAYS = "/agent/v1/plays";

    @TempDir
    Path dir;
    Commune commune;
    Commune.Enrolled device;
    SignedAgent agent;
    PlayChain chain;

    @BeforeEach
    void start() throws Exception {
        commune = Commune.start(dir);
        device = commune.enrolledSpeaker();
        agent = device.agent();
        chain = new PlayChain(agent);
    }

    @AfterEach
    void stop() {
        commune.close();
    }

    @Test
    @DisplayName("a chained batch of 3 is stored and acknowledged as held [1,3]; sending it again only counts duplicates")
    void storeThenDuplicates() {
        JsonArray records = chain.nextSigned(3);

        JsonObject first = ack(agent.postPlays(records));
        JsonObject again = ack(agent.postPlays(records));

        assertThat(first.getJsonArray("held").encode()).isEqualTo("[[1,3]]");
        assertThat(first.getInteger("stored")).isEqualTo(3);
        assertThat(again.getJsonArray("held").encode()).isEqualTo("[[1,3]]");
        assertThat(again.getInteger("stored")).isZero();
        assertThat(again.getInteger("duplicates")).isEqualTo(3);
        assertThat(storedPayloads()).containsExactlyElementsOf(payloads(records));
    }

    @Test
    @DisplayName("the acknowledgement is signed over its exact bytes and names the device, the batch and the request body")
    void boundToTheRequest() {
        JsonObject body = new JsonObject().put("batch", "ab".repeat(16)).put("records", chain.nextSigned(2));
        byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);

        SignedAgent.Reply reply = agent.post(PLAYS, bytes);
        JsonObject ack = ack(reply);

        assertThat(ack.getString("deviceId")).isEqualTo(agent.deviceId());
        assertThat(ack.getString("batch")).isEqualTo("ab".repeat(16));
        assertThat(ack.getString("request")).isEqualTo(Sha256.hex(bytes));
        byte[] tampered = reply.body().clone();
        tampered[tampered.length - 3] ^= 1;
        assertThat(Ed25519Keys.verifyBase64(device.controllerKey(), tampered, reply.header("X-Bantin-Signature")))
                .isFalse();
    }

    @Test
    @DisplayName("a seq already stored with other bytes is kept aside (once) as a conflict; the evidence reads TAMPERED")
    void conflict() {
        JsonArray records = chain.nextSigned(3);
        agent.postPlays(records);
        String forged = records.getJsonObject(1).getString("payload").replace("\"PLAYED\"", "\"MISSED\"");
        JsonArray conflicting = new JsonArray().add(agent.signedRecord(forged));

        JsonObject ack = ack(agent.postPlays(conflicting));
        JsonObject resent = ack(agent.postPlays(conflicting));

        assertThat(ack.getJsonArray("conflicts").encode()).isEqualTo("[2]");
        assertThat(ack.getJsonArray("held").encode()).isEqualTo("[[1,3]]");
        assertThat(resent.getJsonArray("conflicts").encode()).isEqualTo("[2]");
        assertThat(storedPayloads()).containsExactlyElementsOf(payloads(records));
        JsonObject evidence = commune.api.get("/api/v1/endpoints/" + device.endpointId() + "/evidence").json();
        assertThat(evidence.getString("status")).isEqualTo("TAMPERED");
        assertThat(evidence.getInteger("records")).isEqualTo(3);
        assertThat(evidence.getInteger("conflicts")).isEqualTo(1);
    }

    @Test
    @DisplayName("a gap holds nothing back: records after it are stored and acknowledged; the ranges close when it is filled")
    void gap() {
        JsonArray records = chain.nextSigned(4);

        JsonObject ahead = ack(agent.postPlays(new JsonArray().add(records.getValue(0)).add(records.getValue(1))
                .add(records.getValue(3))));
        JsonObject filled = ack(agent.postPlays(new JsonArray().add(records.getValue(2))));

        assertThat(ahead.getJsonArray("held").encode()).isEqualTo("[[1,2],[4,4]]");
        assertThat(ahead.getInteger("stored")).isEqualTo(3);
        assertThat(filled.getJsonArray("held").encode()).isEqualTo("[[1,4]]");
        JsonObject evidence = commune.api.get("/api/v1/endpoints/" + device.endpointId() + "/evidence").json();
        assertThat(evidence.getString("status")).isEqualTo("INTACT");
        assertThat(evidence.getInteger("records")).isEqualTo(4);
    }

    @Test
    @DisplayName("a record with a bad signature is refused alone and named; the rest of the batch is stored")
    void badSignatureRefusesOnlyThatRecord() {
        JsonArray records = chain.nextSigned(3);
        JsonObject bad = records.getJsonObject(1);
        byte[] sig = Base64.getDecoder().decode(bad.getString("sig"));
        sig[0] ^= 1;
        bad.put("sig", Base64.getEncoder().encodeToString(sig));

        JsonObject ack = ack(agent.postPlays(records));

        assertThat(ack.getJsonArray("held").encode()).isEqualTo("[[1,1],[3,3]]");
        assertThat(ack.getInteger("stored")).isEqualTo(2);
        JsonObject refused = ack.getJsonArray("refused").getJsonObject(0);
        assertThat(refused.getInteger("index")).isEqualTo(1);
        assertThat(refused.getLong("seq")).isEqualTo(2);
        assertThat(refused.getString("code")).isEqualTo("bad_signature");
        assertThat(ack(agent.postPlays(records)).getJsonArray("refused")).hasSize(1);
    }

    @Test
    @DisplayName("a record naming another device, or not JSON, is refused alone; the device's own records are stored")
    void invalidRecords() {
        JsonArray mine = chain.nextSigned(2);
        String theirs = PlayChain.payload(commune.newAgent().deviceId(), 3, "0".repeat(64)).encode();
        JsonArray batch = mine.copy().add(agent.signedRecord(theirs)).add(agent.signedRecord("seq=4; outcome=PLAYED"));

        JsonObject ack = ack(agent.postPlays(batch));

        assertThat(ack.getJsonArray("refused").stream().map(o -> ((JsonObject) o).getString("code")).toList())
                .containsExactly("wrong_device", "bad_payload");
        assertThat(ack.getJsonArray("held").encode()).isEqualTo("[[1,2]]");
        assertThat(storedPayloads()).containsExactlyElementsOf(payloads(mine));
    }

    @Test
    @DisplayName("a signed gap notice is kept and acknowledged by its hash; one signed by another key is refused")
    void gapNotices() {
        String notice = new JsonObject().put("type", "gap-notice").put("deviceId", agent.deviceId())
                .put("firstSeq", 2).put("lastSeq", 2).put("cause", "TORN").put("detail", "spool/2.json is torn")
                .put("notedAt", System.currentTimeMillis()).encode();
        JsonArray notices = new JsonArray().add(agent.signedRecord(notice))
                .add(commune.newAgent().signedRecord(notice));

        JsonObject ack = ack(agent.postPlays(chain.nextSigned(1), notices));

        assertThat(ack.getJsonArray("notices").getList()).containsExactly(Sha256.hex(notice));
        assertThat(ack.getJsonArray("refusedNotices").getJsonObject(0).getInteger("index")).isEqualTo(1);
        assertThat(ack.getJsonArray("refusedNotices").getJsonObject(0).getString("code")).isEqualTo("bad_signature");
    }

    @Test
    @DisplayName("a request without a valid batch id is refused 400 and stores nothing")
    void noBatch() {
        SignedAgent.Reply refused = agent.post(PLAYS, new JsonObject().put("records", chain.nextSigned(1)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("bad_batch");
        assertThat(storedPayloads()).isEmpty();
    }

    @Test
    @DisplayName("a body over the 4 MB agent limit is refused 413")
    void tooLarge() {
        char[] padding = new char[4 * 1024 * 1024 + 1];
        Arrays.fill(padding, 'x');
        byte[] body = new JsonObject().put("batch", "ab".repeat(16)).put("records", new JsonArray())
                .put("padding", new String(padding)).encode().getBytes(StandardCharsets.UTF_8);

        SignedAgent.Reply refused = agent.post(PLAYS, body);

        assertThat(refused.status()).isEqualTo(413);
        assertThat(storedPayloads()).isEmpty();
    }

    /** The 200 answer, after checking the controller's signature over its exact bytes with the pinned key. */
    private JsonObject ack(SignedAgent.Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(Ed25519Keys.verifyBase64(device.controllerKey(), reply.body(), reply.header("X-Bantin-Signature")))
                .as("acknowledgement signed by the controller key").isTrue();
        return reply.json();
    }

    private static List<String> payloads(JsonArray records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(((JsonObject) r).getString("payload")));
        return out;
    }

    /** This device's stored payloads by seq, as the management API shows them. */
    private List<String> storedPayloads() {
        return commune.api.get("/api/v1/plays?limit=1000").array().stream().map(JsonObject.class::cast)
                .filter(p -> agent.deviceId().equals(p.getString("deviceId")))
                .sorted((a, b) -> Long.compare(a.getLong("seq"), b.getLong("seq")))
                .map(p -> p.getString("payload")).toList();
    }
}
