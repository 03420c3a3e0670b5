package vn.bantin.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A device's signed statement that some of its own sequence numbers will never arrive, and why (contract:
 * gap notice). It explains an evidence gap; it never fills one, and it is not a play record.
 *
 * @param cause {@code TORN}: the spooled record could not be read back (its bytes are lost);
 *              {@code REFUSED}: the controller refused it as invalid and the device keeps it aside
 */
public record GapNotice(String deviceId, long firstSeq, long lastSeq, Cause cause, String detail, long notedAt) {

    public enum Cause { TORN, REFUSED }

    public static final String TYPE = "gap-notice";
    public static final int MAX_PAYLOAD_CHARS = 2000;
    public static final int MAX_DETAIL_CHARS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static GapNotice parse(String payload) throws InvalidPayloadException {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new InvalidPayloadException("a gap notice payload is missing or over " + MAX_PAYLOAD_CHARS
                    + " characters");
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("gap notice is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !TYPE.equals(node.path("type").asText(null))) {
            throw new InvalidPayloadException("gap notice must be an object with \"type\":\"" + TYPE + "\"");
        }
        long first = whole(node, "firstSeq");
        long last = whole(node, "lastSeq");
        if (first < 1 || last < first) {
            throw new InvalidPayloadException("gap notice needs 1 <= firstSeq <= lastSeq, got " + first + ".." + last);
        }
        Cause cause;
        try {
            cause = Cause.valueOf(node.path("cause").asText(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException("gap notice \"cause\" must be TORN or REFUSED");
        }
        JsonNode device = node.get("deviceId");
        JsonNode detail = node.get("detail");
        if (device == null || !device.isTextual() || (detail != null && !detail.isNull() && !detail.isTextual())) {
            throw new InvalidPayloadException("gap notice needs a string deviceId and a string or null detail");
        }
        if (detail != null && detail.isTextual() && detail.textValue().length() > MAX_DETAIL_CHARS) {
            throw new InvalidPayloadException("gap notice \"detail\" is over " + MAX_DETAIL_CHARS + " characters");
        }
        return new GapNotice(device.textValue(), first, last, cause,
                detail == null || detail.isNull() ? null : detail.textValue(), whole(node, "notedAt"));
    }

    private static long whole(JsonNode node, String field) throws InvalidPayloadException {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidPayloadException("gap notice \"" + field + "\" must be a whole number");
        }
        return value.longValue();
    }
}
