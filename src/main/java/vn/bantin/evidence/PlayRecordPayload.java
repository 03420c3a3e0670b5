package vn.bantin.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.regex.Pattern;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;

/**
 * The fields of a play record payload (contract: POST /agent/v1/plays). This is a reading of the device's
 * bytes, never a source for new bytes: hashes and signatures are always of the original payload string.
 *
 * <p>Every field must be present; {@code entryId}, {@code campaignId}, {@code reason} and
 * {@code timelineVersion} may be null. Unknown extra fields are tolerated (a newer agent may add some);
 * duplicate keys are not, since they would let two readers see two different records in one signed payload.
 * A STREAM record may add {@code onAirMs}: how much of [actualStart, actualEnd) the stream itself was heard
 * (the rest are its gaps, listed in the payload's {@code gaps}); null for every other record.
 */
public record PlayRecordPayload(String deviceId, long seq, String prevHash, String entryId, Long campaignId,
                                BroadcastClass broadcastClass, SlotMode mode, String sha256, long scheduledStart,
                                Long actualStart, Long actualEnd, PlayOutcome outcome, String reason,
                                long clockOffsetMs, String timelineVersion, Long onAirMs) {

    /** A record without on-air figures (anything but a relay). */
    public PlayRecordPayload(String deviceId, long seq, String prevHash, String entryId, Long campaignId,
                             BroadcastClass broadcastClass, SlotMode mode, String sha256, long scheduledStart,
                             Long actualStart, Long actualEnd, PlayOutcome outcome, String reason,
                             long clockOffsetMs, String timelineVersion) {
        this(deviceId, seq, prevHash, entryId, campaignId, broadcastClass, mode, sha256, scheduledStart, actualStart,
                actualEnd, outcome, reason, clockOffsetMs, timelineVersion, null);
    }

    /** prevHash of record 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public static PlayRecordPayload parse(String payload) throws InvalidPayloadException {
        if (payload == null) {
            throw new InvalidPayloadException("payload is missing");
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("payload is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPayloadException("payload is not a JSON object");
        }
        Fields f = new Fields(node);
        long seq = f.longValue("seq");
        if (seq < 1) {
            throw new InvalidPayloadException("seq must be 1 or more, got " + seq);
        }
        return new PlayRecordPayload(
                f.text("deviceId", false),
                seq,
                f.hash("prevHash"),
                f.text("entryId", true),
                f.nullableLong("campaignId"),
                f.enumValue("class", BroadcastClass.class),
                f.enumValue("mode", SlotMode.class),
                f.hash("sha256"),
                f.longValue("scheduledStart"),
                f.nullableLong("actualStart"),
                f.nullableLong("actualEnd"),
                f.enumValue("outcome", PlayOutcome.class),
                f.text("reason", true),
                f.longValue("clockOffsetMs"),
                f.text("timelineVersion", true),
                f.optionalLong("onAirMs"));
    }

    /** Reads the seq of a payload that may be otherwise invalid, to name it in an error; null if unreadable. */
    public static Long seqOrNull(String payload) {
        try {
            JsonNode seq = JSON.readTree(payload).get("seq");
            return seq != null && seq.canConvertToLong() && seq.isIntegralNumber() ? seq.asLong() : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Milliseconds of actual playback; 0 when it never started (MISSED, FAILED) or the end is not after the start.
     * A relay's gaps (its fallback or silence) are on the air too: {@link #onAirMs()} is the stream alone.
     */
    public long airtimeMs() {
        return actualStart == null || actualEnd == null ? 0 : Math.max(0, actualEnd - actualStart);
    }

    private record Fields(JsonNode node) {

        private JsonNode present(String name) throws InvalidPayloadException {
            JsonNode value = node.get(name);
            if (value == null) {
                throw new InvalidPayloadException("payload has no \"" + name + "\" field");
            }
            return value;
        }

        String text(String name, boolean nullable) throws InvalidPayloadException {
            JsonNode value = present(name);
            if (value.isNull() && nullable) {
                return null;
            }
            if (!value.isTextual()) {
                throw new InvalidPayloadException("\"" + name + "\" must be a string" + (nullable ? " or null" : ""));
            }
            return value.textValue();
        }

        String hash(String name) throws InvalidPayloadException {
            String value = text(name, false);
            if (!HEX64.matcher(value).matches()) {
                throw new InvalidPayloadException("\"" + name + "\" must be 64 lower-case hex characters");
            }
            return value;
        }

        long longValue(String name) throws InvalidPayloadException {
            JsonNode value = present(name);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new InvalidPayloadException("\"" + name + "\" must be a whole number");
            }
            return value.longValue();
        }

        Long optionalLong(String name) throws InvalidPayloadException {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : longValue(name);
        }

        Long nullableLong(String name) throws InvalidPayloadException {
            return present(name).isNull() ? null : longValue(name);
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) throws InvalidPayloadException {
            String value = text(name, false);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new InvalidPayloadException("\"" + name + "\" must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got \"" + value + "\"");
        }
    }
}
