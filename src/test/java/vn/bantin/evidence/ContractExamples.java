package vn.bantin.evidence;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.app.CommandMessage;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.store.CommandRepository.StoredCommand;
import vn.bantin.security.RequestSignature;
import vn.bantin.security.ServerTimeStatement;
import vn.bantin.security.Sha256;
import vn.bantin.security.TimelineSigner;

/**
 * Makes the files of contract/examples/ from fixed TEST keys. Ed25519 is deterministic, so running it again
 * gives the same bytes; {@code ContractExamplesTest} checks the committed files still equal its output.
 * Regenerate from the controller root after {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
 * vn.bantin.evidence.ContractExamples}.
 */
final class ContractExamples {

    static final Path DIR = Path.of("src/main/resources/contract/examples");
    static final String WARNING = "TEST KEYS ONLY - NOT FOR PRODUCTION. Published so both sides can check the examples.";
    static final Ed25519Keys.KeyPair CONTROLLER = Ed25519Keys.fromSeed(
            Sha256.digest("bantin TEST controller key - NOT FOR PRODUCTION".getBytes(StandardCharsets.UTF_8)));
    static final Ed25519Keys.KeyPair DEVICE = Ed25519Keys.fromSeed(
            Sha256.digest("bantin TEST device key - NOT FOR PRODUCTION".getBytes(StandardCharsets.UTF_8)));

    static final long SERVER_TIME = 1_764_000_000_000L;
    static final long ENDPOINT_ID = 12;
    static final String NONCE = "5f1c0b9e2a7d4c6f8e3a1b0c9d8e7f60";
    static final String BATCH = "0c2f6a9d41e87b35c0d9e2a4f6b81735";
    private static final long FROM = 1_764_000_000_000L;
    private static final long BULLETIN_START = 1_764_050_400_000L;
    private static final String BULLETIN_SHA = Sha256.hex("bản tin sáng 2025-11-25.mp3");
    private static final String LOOP_SHA_1 = Sha256.hex("an toàn giao thông.mp3");
    private static final String LOOP_SHA_2 = Sha256.hex("phòng chống dịch.mp3");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractExamples() {
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIR);
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(DIR.resolve(file.getKey()), file.getValue());
        }
    }

    /** File name to exact bytes, for every example. */
    static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        byte[] enrollRequest = pretty(enrollRequest());
        files.put("enroll-request.json", enrollRequest);
        byte[] enrollAnswer = enrollResponse();
        files.put("enroll-response.json", enrollAnswer);
        files.put("enroll-response.json.sig", CONTROLLER.signBase64(enrollAnswer).getBytes(StandardCharsets.US_ASCII));
        files.put("signed-request.json", pretty(signedRequest(enrollRequest)));
        byte[] timeline = timeline();
        files.put("timeline.json", timeline);
        files.put("timeline.json.sig", new TimelineSigner(CONTROLLER).sign(timeline).getBytes(StandardCharsets.US_ASCII));
        ObjectNode first = playRecord(1, PlayRecordPayload.GENESIS_HASH);
        files.put("play-record-payload.json", pretty(first));
        ObjectNode notice = gapNotice();
        files.put("gap-notice-payload.json", pretty(notice));
        byte[] playsRequest = pretty(playsRequest(first, notice));
        files.put("plays-request.json", playsRequest);
        byte[] ack = playsAck(playsRequest, notice);
        files.put("plays-response.json", ack);
        files.put("plays-response.json.sig", CONTROLLER.signBase64(ack).getBytes(StandardCharsets.US_ASCII));
        files.put("heartbeat-request.json", pretty(heartbeatRequest()));
        byte[] heartbeatAnswer = heartbeatResponse();
        files.put("heartbeat-response.json", heartbeatAnswer);
        files.put("heartbeat-response.json.sig", CONTROLLER.signBase64(heartbeatAnswer).getBytes(StandardCharsets.US_ASCII));
        files.put("server-time-401.json", pretty(serverTime401()));
        files.put("push-command.json", pretty(tree(CommandMessage.signed(DEVICE.deviceId(), new StoredCommand(
                17, ENDPOINT_ID, "VOLUME", "{\"volume\":60}", "xa.operator", SERVER_TIME, SERVER_TIME + 600_000, "PENDING",
                null, null, null, null), CONTROLLER::signBase64))));
        files.put("command-result.json", pretty(JSON.createObjectNode().put("outcome", "DONE")
                .put("detail", "master volume 60 %")));
        files.put("stream-heartbeat.json", pretty(streamHeartbeat()));
        ObjectNode streamAnswer = JSON.createObjectNode().put("type", "heartbeat-answer").put("nonce", NONCE)
                .put("status", 200).put("signature", CONTROLLER.signBase64(heartbeatAnswer))
                .put("body", new String(heartbeatAnswer, StandardCharsets.UTF_8));
        files.put("stream-heartbeat-answer.json", pretty(streamAnswer));
        files.put("error-response.json", pretty(JSON.createObjectNode()
                .put("error", "timestamp is 412 s behind server time (limit 300 s); correct the clock offset with "
                        + "X-Bantin-Server-Time and retry")
                .put("code", "clock_skew")));
        files.put("test-keys.json", pretty(testKeys()));
        return files;
    }

    private static ObjectNode enrollRequest() {
        ObjectNode request = JSON.createObjectNode()
                .put("publicKey", DEVICE.publicKeyBase64()).put("kind", "SPEAKER").put("name", "loa-thon-1");
        request.putObject("hardware").put("model", "Raspberry Pi 4").put("os", "Debian 12").put("agentVersion", "0.1.0");
        return request.put("enrollmentCode", "7KQ2-9XPM-4TDA");
    }

    /** Compact, exactly as the controller sends it: the signature covers these bytes; nonce = the request's. */
    private static byte[] enrollResponse() {
        return JSON.createObjectNode().put("deviceId", DEVICE.deviceId()).put("endpointId", ENDPOINT_ID)
                .put("status", "ACTIVE").put("controllerPublicKey", CONTROLLER.publicKeyBase64())
                .put("serverTime", SERVER_TIME).put("nonce", NONCE).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The enroll request above, signed: headers, the string to sign, and the body it covers. */
    private static ObjectNode signedRequest(byte[] body) {
        long timestamp = SERVER_TIME - 1_500;
        Map<String, String> headers = RequestSignature.sign(DEVICE, "POST", "/agent/v1/enroll", body, timestamp, NONCE);
        ObjectNode example = JSON.createObjectNode().put("method", "POST").put("pathWithQuery", "/agent/v1/enroll")
                .put("bodyFile", "enroll-request.json").put("bodySha256", Sha256.hex(body));
        ObjectNode headerNode = example.putObject("headers");
        headers.forEach(headerNode::put);
        return example.put("stringToSign", RequestSignature.stringToSign("POST", "/agent/v1/enroll",
                DEVICE.deviceId(), Long.toString(timestamp), NONCE, Sha256.hex(body)));
    }

    private static ArrayNode timelineEntries() {
        ArrayNode entries = JSON.createArrayNode();
        ObjectNode bulletin = entries.addObject().put("id", "slot-7/20251125T0600/12")
                .put("start", BULLETIN_START).put("end", BULLETIN_START + 600_000).put("mode", "ONCE")
                .put("class", "NORMAL").put("campaignId", 3).put("campaign", "Bản tin sáng").put("volume", 80)
                .put("anchor", BULLETIN_START);
        item(bulletin.putArray("items"), BULLETIN_SHA, 9_600_000, 600_000);
        long loopStart = BULLETIN_START + 3_600_000;
        ObjectNode loop = entries.addObject().put("id", "slot-9/20251125/12")
                .put("start", loopStart).put("end", loopStart + 7_200_000).put("mode", "LOOP")
                .put("class", "NORMAL").put("campaignId", 5).put("campaign", "An toàn giao thông").put("volume", 70)
                .put("anchor", loopStart);
        ArrayNode items = loop.putArray("items");
        item(items, LOOP_SHA_1, 1_440_000, 90_000);
        item(items, LOOP_SHA_2, 960_000, 60_000);
        return entries;
    }

    private static void item(ArrayNode items, String sha256, long size, long durationMs) {
        items.addObject().put("sha256", sha256).put("size", size).put("durationMs", durationMs).put("kind", "AUDIO")
                .put("url", "/agent/v1/media/" + sha256);
    }

    static String timelineVersion() {
        return Sha256.hex(timelineEntries().toString());
    }

    /** Compact, exactly as the controller sends it: the signature covers these bytes. */
    private static byte[] timeline() {
        ObjectNode timeline = JSON.createObjectNode().put("deviceId", DEVICE.deviceId()).put("endpointId", ENDPOINT_ID)
                .put("version", timelineVersion()).put("serial", SERVER_TIME).put("from", FROM)
                .put("to", FROM + 7 * 86_400_000L);
        timeline.set("entries", timelineEntries());
        return timeline.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode playRecord(long seq, String prevHash) {
        boolean once = seq == 1;
        long scheduled = once ? BULLETIN_START : BULLETIN_START + 3_600_000;
        long duration = once ? 600_000 : 90_000;
        return JSON.createObjectNode().put("deviceId", DEVICE.deviceId()).put("seq", seq).put("prevHash", prevHash)
                .put("entryId", once ? "slot-7/20251125T0600/12" : "slot-9/20251125/12")
                .put("campaignId", once ? 3 : 5).put("class", "NORMAL").put("mode", once ? "ONCE" : "LOOP")
                .put("sha256", once ? BULLETIN_SHA : LOOP_SHA_1).put("scheduledStart", scheduled)
                .put("actualStart", scheduled + 38).put("actualEnd", scheduled + 38 + duration)
                .put("outcome", "PLAYED").putNull("reason").put("clockOffsetMs", -12)
                .put("timelineVersion", timelineVersion()).put("chain", PlayRecordPayload.CHAIN_SIGNED);
    }

    /** Seq 3 was torn on the device's card: the notice says so, signed by the device. */
    private static ObjectNode gapNotice() {
        return JSON.createObjectNode().put("type", GapNotice.TYPE).put("deviceId", DEVICE.deviceId())
                .put("firstSeq", 3).put("lastSeq", 3).put("cause", "TORN")
                .put("detail", "spool/3.json: unexpected end of JSON after 112 bytes (power cut while writing)")
                .put("notedAt", BULLETIN_START + 7_300_000);
    }

    private static ObjectNode playsRequest(ObjectNode first, ObjectNode notice) {
        ObjectNode request = JSON.createObjectNode().put("batch", BATCH);
        ArrayNode records = request.putArray("records");
        String firstPayload = first.toString();
        SignedRecord firstSigned = new SignedRecord(firstPayload, DEVICE.signBase64(firstPayload.getBytes(StandardCharsets.UTF_8)));
        String secondPayload = playRecord(2, firstSigned.chainHash(PlayRecordPayload.CHAIN_SIGNED)).toString();
        for (String payload : new String[] {firstPayload, secondPayload}) {
            records.addObject().put("payload", payload)
                    .put("sig", DEVICE.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
        }
        String noticePayload = notice.toString();
        request.putArray("gapNotices").addObject().put("payload", noticePayload)
                .put("sig", DEVICE.signBase64(noticePayload.getBytes(StandardCharsets.UTF_8)));
        return request;
    }

    /** The signed acknowledgement of that request, compact as sent: bound to its batch and its exact bytes. */
    private static byte[] playsAck(byte[] request, ObjectNode notice) {
        return new PlayAck(DEVICE.deviceId(), BATCH, Sha256.hex(request), SeqRanges.empty().plus(List.of(1L, 2L)), 2,
                0, List.of(), List.of(), List.of(Sha256.hex(notice.toString())), List.of(), BULLETIN_START + 7_400_000)
                .toWireBytes();
    }

    private static ObjectNode heartbeatRequest() {
        ObjectNode request = JSON.createObjectNode().put("agentTime", SERVER_TIME + 3_599_988).put("uptimeMs", 86_400_000)
                .put("bootedAt", SERVER_TIME - 86_460_000).put("diskFreeBytes", 12_884_901_888L)
                .put("diskTotalBytes", 31_268_536_320L).put("cacheBytes", 12_000_000)
                .put("timelineVersion", timelineVersion()).put("timelineSerial", SERVER_TIME);
        request.putObject("nowPlaying").put("entryId", "slot-9/20251125/12").put("sha256", LOOP_SHA_1)
                .put("class", "NORMAL").put("since", BULLETIN_START + 3_600_038);
        request.put("volume", 70).put("masterVolume", 100).put("temperatureC", 48.5).put("version", "0.2.0")
                .put("clockOffsetMs", -12).put("spooledRecords", 0).put("mpv", "PLAYING");
        request.putObject("sinceLastHeartbeat").put("reboots", 0).put("restarts", 1).put("count", 2).put("ms", 95_000);
        request.putArray("faults").addObject().put("code", "clock_jump")
                .put("detail", "the system clock moved by 3600000 ms; controller time kept running on the monotonic"
                        + " clock until the controller confirms it")
                .put("at", SERVER_TIME + 3_000_000).put("active", false);
        return request;
    }

    /** Compact, exactly as the controller sends it: the signature covers these bytes. */
    private static byte[] heartbeatResponse() {
        return JSON.createObjectNode().put("deviceId", DEVICE.deviceId()).put("nonce", NONCE)
                .put("serverTime", SERVER_TIME + 3_600_000).put("timelineVersion", timelineVersion()).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The example heartbeat as the agent sends it on the push stream: signed as its POST would be. */
    private static ObjectNode streamHeartbeat() {
        byte[] body = heartbeatRequest().toString().getBytes(StandardCharsets.UTF_8);
        long timestamp = SERVER_TIME + 3_599_988;
        Map<String, String> headers = RequestSignature.sign(DEVICE, "POST", "/agent/v1/heartbeat", body, timestamp, NONCE);
        return JSON.createObjectNode().put("type", "heartbeat").put("nonce", NONCE).put("timestamp", timestamp)
                .put("signature", headers.get("X-Bantin-Signature")).put("body", new String(body, StandardCharsets.UTF_8));
    }

    private static ObjectNode serverTime401() {
        long time = SERVER_TIME + 412_000;
        byte[] statement = ServerTimeStatement.bytesToSign(NONCE, time);
        ObjectNode example = JSON.createObjectNode().put("requestNonce", NONCE);
        example.putObject("headers").put(ServerTimeStatement.TIME_HEADER, Long.toString(time))
                .put(ServerTimeStatement.SIGNATURE_HEADER, CONTROLLER.signBase64(statement));
        return example.put("stringToSign", new String(statement, StandardCharsets.UTF_8));
    }

    private static ObjectNode testKeys() {
        ObjectNode keys = JSON.createObjectNode().put("warning", WARNING);
        keys.putObject("controller").put("seed", Ed25519Keys.base64(CONTROLLER.seed()))
                .put("publicKey", CONTROLLER.publicKeyBase64()).put("fingerprint", Ed25519Keys.fingerprint(CONTROLLER.publicKey()));
        keys.putObject("device").put("seed", Ed25519Keys.base64(DEVICE.seed()))
                .put("publicKey", DEVICE.publicKeyBase64()).put("deviceId", DEVICE.deviceId());
        return keys;
    }

    /** Two-space indent, "key": value, LF, final newline (the repository's .editorconfig). */
    static byte[] pretty(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return (JSON.writer(printer).writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
