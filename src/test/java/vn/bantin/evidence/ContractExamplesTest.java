package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.evidence.bundle.ChainCheck;
import vn.bantin.evidence.bundle.EvidenceBundle;
import vn.bantin.security.DeviceKey;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.support.ContractSchemas;
import vn.bantin.security.NonceCache;
import vn.bantin.security.RequestSignature;
import vn.bantin.security.ServerTimeStatement;
import vn.bantin.security.Sha256;
import vn.bantin.security.TimelineSigner;

/** Checks contract/examples/ from the committed bytes alone, as an agent would. */
class ContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(ContractExamples.DIR.resolve(name));
    }

    private static JsonNode json(String name) throws IOException {
        return JSON.readTree(bytes(name));
    }

    private static byte[] key(JsonNode node, String field) {
        return Ed25519Keys.fromBase64(node.get(field).asText());
    }

    @Test
    @DisplayName("the committed examples are exactly what the generator makes (regenerate after changing it)")
    void upToDate() throws IOException {
        for (Map.Entry<String, byte[]> file : ContractExamples.files().entrySet()) {
            assertThat(bytes(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    @DisplayName("test keys derive their public keys and device id, and are marked not for production")
    void testKeys() throws IOException {
        JsonNode keys = json("test-keys.json");
        JsonNode device = keys.get("device");

        assertThat(keys.get("warning").asText()).contains("NOT FOR PRODUCTION");
        assertThat(Ed25519Keys.fromSeed(key(device, "seed")).publicKey()).isEqualTo(key(device, "publicKey"));
        assertThat(Ed25519Keys.fromSeed(key(keys.get("controller"), "seed")).publicKey())
                .isEqualTo(key(keys.get("controller"), "publicKey"));
        assertThat(Ed25519Keys.deviceId(key(device, "publicKey"))).isEqualTo(device.get("deviceId").asText());
    }

    @Test
    @DisplayName("enrollment: the response's deviceId derives from the request's key; the signed request verifies")
    void enrollment() throws IOException {
        JsonNode request = json("enroll-request.json");
        JsonNode response = json("enroll-response.json");
        JsonNode signed = json("signed-request.json");
        byte[] body = bytes(signed.get("bodyFile").asText());
        byte[] publicKey = key(request, "publicKey");

        assertThat(response.get("deviceId").asText()).isEqualTo(Ed25519Keys.deviceId(publicKey));
        assertThat(response.get("controllerPublicKey").asText())
                .isEqualTo(json("test-keys.json").get("controller").get("publicKey").asText());
        assertThat(signed.get("bodySha256").asText()).isEqualTo(Sha256.hex(body));
        JsonNode headers = signed.get("headers");
        assertThat(signed.get("stringToSign").asText()).isEqualTo(RequestSignature.stringToSign(
                signed.get("method").asText(), signed.get("pathWithQuery").asText(),
                headers.get(RequestSignature.DEVICE_HEADER).asText(), headers.get(RequestSignature.TIMESTAMP_HEADER).asText(),
                headers.get(RequestSignature.NONCE_HEADER).asText(), Sha256.hex(body)));
        RequestSignature.Verdict verdict = new RequestSignature(new NonceCache()).verifyProofOfPossession(
                signed.get("method").asText(), signed.get("pathWithQuery").asText(),
                name -> headers.path(name).isMissingNode() ? null : headers.get(name).asText(),
                body, publicKey, response.get("serverTime").asLong());
        assertThat(verdict).isEqualTo(new RequestSignature.Ok(Ed25519Keys.deviceId(publicKey)));
        // the answer: signed by the controller key over the exact bytes, bound to the request's nonce, and the
        // installer's fingerprint is that key's
        byte[] controllerKey = key(response, "controllerPublicKey");
        assertThat(Ed25519Keys.verifyBase64(controllerKey, bytes("enroll-response.json"),
                new String(bytes("enroll-response.json.sig"), StandardCharsets.US_ASCII).strip())).isTrue();
        assertThat(response.get("nonce").asText()).isEqualTo(headers.get(RequestSignature.NONCE_HEADER).asText());
        assertThat(json("test-keys.json").get("controller").get("fingerprint").asText())
                .isEqualTo(Ed25519Keys.fingerprint(controllerKey)).isEqualTo(Sha256.hex(controllerKey).substring(0, 32));
    }

    @Test
    @DisplayName("timeline: the signature verifies over the exact file bytes; version hashes the entries bytes")
    void timeline() throws IOException {
        byte[] body = bytes("timeline.json");
        String signature = new String(bytes("timeline.json.sig"), StandardCharsets.US_ASCII).strip();
        byte[] controllerKey = key(json("enroll-response.json"), "controllerPublicKey");
        JsonNode timeline = JSON.readTree(body);
        String text = new String(body, StandardCharsets.UTF_8);
        String entries = text.substring(text.indexOf("\"entries\":") + "\"entries\":".length(), text.length() - 1);

        assertThat(Ed25519Keys.verifyBase64(controllerKey, body, signature)).isTrue();
        body[body.length - 2] ^= 1;
        assertThat(Ed25519Keys.verifyBase64(controllerKey, body, signature)).isFalse();
        assertThat(timeline.get("version").asText()).isEqualTo(Sha256.hex(entries));
        assertThat(timeline.get("deviceId").asText()).isEqualTo(json("enroll-response.json").get("deviceId").asText());
        assertThat(TimelineSigner.etag(bytes("timeline.json"))).matches("\"[0-9a-f]{64}\"");
    }

    @Test
    @DisplayName("heartbeat answer and 401 server time: signed by the controller key, bound to the request nonce")
    void signedAnswers() throws IOException {
        byte[] controllerKey = key(json("test-keys.json").get("controller"), "publicKey");
        byte[] answer = bytes("heartbeat-response.json");
        byte[] signature = Ed25519Keys.fromBase64(new String(bytes("heartbeat-response.json.sig"),
                StandardCharsets.US_ASCII).strip());
        assertThat(Ed25519Keys.verify(controllerKey, answer, signature)).isTrue();
        assertThat(JSON.readTree(answer).get("nonce").asText()).isEqualTo(ContractExamples.NONCE);

        JsonNode refusal = json("server-time-401.json");
        long time = Long.parseLong(refusal.get("headers").get(ServerTimeStatement.TIME_HEADER).asText());
        byte[] statement = ServerTimeStatement.bytesToSign(refusal.get("requestNonce").asText(), time);
        assertThat(new String(statement, StandardCharsets.UTF_8)).isEqualTo(refusal.get("stringToSign").asText());
        assertThat(Ed25519Keys.verify(controllerKey, statement, Ed25519Keys.fromBase64(
                refusal.get("headers").get(ServerTimeStatement.SIGNATURE_HEADER).asText()))).isTrue();
        assertThat(Ed25519Keys.verify(controllerKey, ServerTimeStatement.bytesToSign("other", time), Ed25519Keys.fromBase64(
                refusal.get("headers").get(ServerTimeStatement.SIGNATURE_HEADER).asText()))).isFalse();
    }

    @Test
    @DisplayName("stream messages: the pushed command is signed for the device; the stream heartbeat is signed as its POST;"
            + " the stream answer is the HTTP answer")
    void streamMessages() throws IOException {
        byte[] controllerKey = key(json("test-keys.json").get("controller"), "publicKey");
        JsonNode command = json("push-command.json");
        byte[] payload = command.get("payload").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519Keys.verify(controllerKey, payload, Ed25519Keys.fromBase64(command.get("sig").asText()))).isTrue();
        assertThat(ContractSchemas.violations("command-payload.schema.json", JSON.readTree(payload))).isEmpty();

        JsonNode beat = json("stream-heartbeat.json");
        byte[] body = beat.get("body").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(JSON.readTree(body)).isEqualTo(json("heartbeat-request.json"));
        RequestSignature.Verdict verdict = new RequestSignature(new NonceCache()).verify("POST", "/agent/v1/heartbeat",
                Map.of("X-Bantin-Device", ContractExamples.DEVICE.deviceId(),
                        "X-Bantin-Timestamp", beat.get("timestamp").asText(), "X-Bantin-Nonce", beat.get("nonce").asText(),
                        "X-Bantin-Signature", beat.get("signature").asText())::get, body,
                id -> Optional.of(new DeviceKey(ContractExamples.DEVICE.publicKey(), EndpointStatus.ACTIVE)),
                beat.get("timestamp").asLong());
        assertThat(verdict).isInstanceOf(RequestSignature.Ok.class);

        JsonNode answer = json("stream-heartbeat-answer.json");
        assertThat(answer.get("body").asText().getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes("heartbeat-response.json"));
        assertThat(answer.get("signature").asText()).isEqualTo(new String(bytes("heartbeat-response.json.sig"),
                StandardCharsets.US_ASCII));
    }

    @Test
    @DisplayName("plays: two records chained from genesis are stored, the gap notice verifies, and the signed"
            + " acknowledgement names this very request and holds exactly those seqs")
    void plays() throws Exception {
        JsonNode keys = json("test-keys.json").get("device");
        byte[] publicKey = key(keys, "publicKey");
        byte[] request = bytes("plays-request.json");
        List<SignedRecord> records = new java.util.ArrayList<>();
        json("plays-request.json").get("records").forEach(r -> records.add(new SignedRecord(r.get("payload").asText(),
                r.get("sig").asText())));
        JsonNode notice = json("plays-request.json").get("gapNotices").get(0);
        SignedRecord signedNotice = new SignedRecord(notice.get("payload").asText(), notice.get("sig").asText());
        byte[] ack = bytes("plays-response.json");
        String ackSignature = new String(bytes("plays-response.json.sig"), StandardCharsets.US_ASCII);
        JsonNode answer = JSON.readTree(ack);

        assertThat(ChainCheck.wholeChain(new EvidenceBundle.Device(keys.get("deviceId").asText(),
                keys.get("publicKey").asText(), null, records, List.of(), List.of(), List.of()))).isEmpty();
        PlayBatchVerifier.Plan plan = PlayBatchVerifier.plan(keys.get("deviceId").asText(), publicKey, records,
                seq -> Optional.empty());
        assertThat(plan.toStore()).hasSize(answer.get("stored").asInt()).noneMatch(PlayBatchVerifier.NewRecord::chainBroken);
        assertThat(plan.refused()).isEmpty();
        assertThat(JSON.readTree(records.get(0).payload())).isEqualTo(json("play-record-payload.json"));
        assertThat(signedNotice.signatureVerifies(publicKey)).isTrue();
        assertThat(GapNotice.parse(signedNotice.payload()))
                .isEqualTo(new GapNotice(keys.get("deviceId").asText(), 3, 3, GapNotice.Cause.TORN,
                        json("gap-notice-payload.json").get("detail").asText(), json("gap-notice-payload.json")
                        .get("notedAt").asLong()));

        assertThat(Ed25519Keys.verifyBase64(key(json("test-keys.json").get("controller"), "publicKey"), ack, ackSignature))
                .isTrue();
        assertThat(answer.get("deviceId").asText()).isEqualTo(keys.get("deviceId").asText());
        assertThat(answer.get("batch").asText()).isEqualTo(json("plays-request.json").get("batch").asText());
        assertThat(answer.get("request").asText()).isEqualTo(Sha256.hex(request));
        assertThat(answer.get("held").toString()).isEqualTo("[[1,2]]");
        assertThat(answer.get("notices").get(0).asText()).isEqualTo(signedNotice.payloadHash());
    }

    @Test
    @DisplayName("every example validates against its JSON Schema, payload strings included")
    void schemas() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : List.of("enroll-request", "enroll-response", "timeline", "play-record-payload",
                "gap-notice-payload", "plays-request", "plays-response", "heartbeat-request", "heartbeat-response",
                "error-response", "server-time-401", "command-result", "stream-heartbeat", "test-keys")) {
            problems.addAll(ContractSchemas.violations(name + ".schema.json", json(name + ".json"))
                    .stream().map(p -> name + " " + p).toList());
        }
        for (String push : List.of("push-alert", "push-timeline-changed", "push-command", "stream-heartbeat-answer")) {
            problems.addAll(ContractSchemas.violations("push-message.schema.json", json(push + ".json"))
                    .stream().map(p -> push + " " + p).toList());
        }
        for (JsonNode record : json("plays-request.json").get("records")) {
            problems.addAll(ContractSchemas.violations("play-record-payload.schema.json",
                    JSON.readTree(record.get("payload").asText())));
        }
        for (JsonNode notice : json("plays-request.json").get("gapNotices")) {
            problems.addAll(ContractSchemas.violations("gap-notice-payload.schema.json",
                    JSON.readTree(notice.get("payload").asText())));
        }
        assertThat(problems).isEmpty();
        assertThat(ContractSchemas.violations("plays-response.schema.json", JSON.readTree("{\"held\":[[0]],\"stored\":1}")))
                .isNotEmpty();
        assertThat(ContractSchemas.violations("push-message.schema.json", "{\"type\":\"alert\",\"alertId\":0}"))
                .isNotEmpty();
    }
}
