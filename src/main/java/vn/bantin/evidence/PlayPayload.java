package vn.bantin.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** The fields of a play record payload (contract: POST /agent/v1/plays). Parsed, never re-serialised. */
public record PlayPayload(String deviceId, long seq, String prevHash, String entryId, Long campaignId,
                          String broadcastClass, String mode, String sha256, Long scheduledStart, Long actualStart,
                          Long actualEnd, String outcome, String reason, Long clockOffsetMs,
                          String timelineVersion) {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses a payload; IllegalArgumentException naming what is wrong. */
    public static PlayPayload parse(String payload) {
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("payload is not a JSON object");
        }
        long seq = requiredLong(n, "seq");
        if (seq < 1) {
            throw new IllegalArgumentException("seq must be 1 or more");
        }
        String prevHash = requiredText(n, "prevHash");
        if (!prevHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("prevHash must be 64 lower-case hex characters");
        }
        String outcome = requiredText(n, "outcome");
        if (!outcome.matches("PLAYED|INTERRUPTED|FAILED|MISSED")) {
            throw new IllegalArgumentException("outcome must be PLAYED, INTERRUPTED, FAILED or MISSED");
        }
        return new PlayPayload(requiredText(n, "deviceId"), seq, prevHash, text(n, "entryId"),
                optionalLong(n, "campaignId"), text(n, "class"), text(n, "mode"), text(n, "sha256"),
                optionalLong(n, "scheduledStart"), optionalLong(n, "actualStart"), optionalLong(n, "actualEnd"),
                outcome, text(n, "reason"), optionalLong(n, "clockOffsetMs"), text(n, "timelineVersion"));
    }

    private static String requiredText(JsonNode n, String field) {
        String v = text(n, field);
        if (v == null) {
            throw new IllegalArgumentException("payload field '" + field + "' is missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static long requiredLong(JsonNode n, String field) {
        Long v = optionalLong(n, field);
        if (v == null) {
            throw new IllegalArgumentException("payload field '" + field + "' is missing");
        }
        return v;
    }

    private static Long optionalLong(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("payload field '" + field + "' must be a whole number");
        }
        return v.asLong();
    }
}
