package vn.bantin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import vn.bantin.security.Ed25519Keys;
import vn.bantin.security.RequestSignature;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SignedRecord;

/** A simulated agent for benchmarks: its key, its record chain, and signed calls to the agent API. */
final class BenchAgent {

    private static final SecureRandom RANDOM = new SecureRandom();

    final Ed25519Keys.KeyPair key = Ed25519Keys.generate();
    private long seq;
    private String prevHash = "0".repeat(64);

    String deviceId() {
        return key.deviceId();
    }

    /** The next record of the chain as the agent writes it: payload text and its signature. */
    String[] next(String entryId, Long campaignId, String mode, String sha256, long scheduled, Long start, Long end,
                  String outcome) {
        seq++;
        String payload = "{\"deviceId\":\"" + deviceId() + "\",\"seq\":" + seq + ",\"prevHash\":\"" + prevHash
                + "\",\"entryId\":" + (entryId == null ? "null" : "\"" + entryId + "\"")
                + ",\"campaignId\":" + campaignId + ",\"class\":\"NORMAL\",\"mode\":\"" + mode
                + "\",\"sha256\":\"" + sha256 + "\",\"scheduledStart\":" + scheduled + ",\"actualStart\":" + start
                + ",\"actualEnd\":" + end + ",\"outcome\":\"" + outcome + "\",\"reason\":"
                + (outcome.equals("PLAYED") ? "null" : "\"mất điện\"") + ",\"clockOffsetMs\":0,\"timelineVersion\":null,"
                + "\"chain\":2}";
        SignedRecord signed = new SignedRecord(payload, key.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
        prevHash = signed.chainHash(PlayRecordPayload.CHAIN_SIGNED);
        return new String[] {payload, signed.sig(), prevHash};
    }

    String prevHash() {
        return prevHash;
    }

    long seq() {
        return seq;
    }

    HttpResponse<String> post(HttpClient http, String baseUrl, String path, byte[] body)
            throws IOException, InterruptedException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Map<String, String> headers = RequestSignature.sign(key, "POST", path, body, System.currentTimeMillis(),
                HexFormat.of().formatHex(nonce));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
