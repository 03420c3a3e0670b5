package vn.bantin.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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
 * (the rest are its gaps, listed in the payload's {@code gaps}); null for every other record. {@code chain}
 * (absent = 1) is the rule by which the next record's {@code prevHash} is made from this one.
 */
public record PlayRecordPayload(String deviceId, long seq, String prevHash, String entryId, Long campaignId,
                                BroadcastClass broadcastClass, SlotMode mode, String sha256, long scheduledStart,
                                Long actualStart, Long actualEnd, PlayOutcome outcome, String reason,
                                long clockOffsetMs, String timelineVersion, Long onAirMs, int chain) {

    /** Chain rule 1 (payload field {@code chain} absent): {@code prevHash} is the hash of the previous payload. */
    public static final int CHAIN_PAYLOAD = 1;
    /** Chain rule 2: {@code prevHash} covers the previous payload and its signature ({@link SignedRecord#chainHash}). */
    public static final int CHAIN_SIGNED = 2;

    /** A record under chain rule 1. */
    public PlayRecordPayload(String deviceId, long seq, String prevHash, String entryId, Long campaignId,
                             BroadcastClass broadcastClass, SlotMode mode, String sha256, long scheduledStart,
                             Long actualStart, Long actualEnd, PlayOutcome outcome, String reason,
                             long clockOffsetMs, String timelineVersion, Long onAirMs) {
        this(deviceId, seq, prevHash, entryId, campaignId, broadcastClass, mode, sha256, scheduledStart, actualStart,
                actualEnd, outcome, reason, clockOffsetMs, timelineVersion, onAirMs, CHAIN_PAYLOAD);
    }

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

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The fields of a payload, or why it is invalid. A flat object of scalar values (what agents send) is read
     * token by token; anything else (nested values in the known fields, duplicate keys, bad JSON, trailing tokens)
     * is decided by {@link #parseTree}, so both readings give the same verdict and the same message.
     */
    public static PlayRecordPayload parse(String payload) throws InvalidPayloadException {
        if (payload == null) {
            throw new InvalidPayloadException("payload is missing");
        }
        Map<String, Object> flat = FlatFields.read(payload);
        return flat == null ? parseTree(payload) : of(new FlatFields(flat));
    }

    /** Whether {@link #parse} reads this payload token by token (else through the tree). */
    static boolean readsTokenByToken(String payload) {
        return FlatFields.read(payload) != null;
    }

    /** The same reading through a JSON tree: the reference for {@link #parse}, and its path for any irregular payload. */
    static PlayRecordPayload parseTree(String payload) throws InvalidPayloadException {
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
        return of(new TreeFields(node));
    }

    private static PlayRecordPayload of(Fields f) throws InvalidPayloadException {
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
                f.optionalLong("onAirMs"),
                chainRule(f.optionalLong("chain")));
    }

    private static int chainRule(Long chain) throws InvalidPayloadException {
        if (chain == null) {
            return CHAIN_PAYLOAD;
        }
        if (chain != CHAIN_PAYLOAD && chain != CHAIN_SIGNED) {
            throw new InvalidPayloadException("\"chain\" must be 1 or 2, got " + chain);
        }
        return chain.intValue();
    }

    /** The hash the next record must name in its {@code prevHash}: this record's, under its chain rule. */
    public String chainHash(SignedRecord signed) {
        return signed.chainHash(chain);
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

    /** The checks of each field, the same whichever reading supplies the values. */
    private abstract static class Fields {

        /** The value of a present field: a String, a Long, NULL, or anything else (a value of the wrong type). */
        abstract Object value(String name);

        abstract boolean has(String name);

        private Object present(String name) throws InvalidPayloadException {
            if (!has(name)) {
                throw new InvalidPayloadException("payload has no \"" + name + "\" field");
            }
            return value(name);
        }

        String text(String name, boolean nullable) throws InvalidPayloadException {
            Object value = present(name);
            if (value == NULL && nullable) {
                return null;
            }
            if (!(value instanceof String text)) {
                throw new InvalidPayloadException("\"" + name + "\" must be a string" + (nullable ? " or null" : ""));
            }
            return text;
        }

        String hash(String name) throws InvalidPayloadException {
            String value = text(name, false);
            if (!isHex64(value)) {
                throw new InvalidPayloadException("\"" + name + "\" must be 64 lower-case hex characters");
            }
            return value;
        }

        long longValue(String name) throws InvalidPayloadException {
            if (!(present(name) instanceof Long value)) {
                throw new InvalidPayloadException("\"" + name + "\" must be a whole number");
            }
            return value;
        }

        Long optionalLong(String name) throws InvalidPayloadException {
            return !has(name) || value(name) == NULL ? null : longValue(name);
        }

        Long nullableLong(String name) throws InvalidPayloadException {
            return present(name) == NULL ? null : longValue(name);
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

        private static boolean isHex64(String value) {
            if (value.length() != 64) {
                return false;
            }
            for (int i = 0; i < 64; i++) {
                char ch = value.charAt(i);
                if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** JSON null, as {@link Fields#value} gives it. */
    private static final Object NULL = new Object();
    /** Any value that is neither a string, a whole number that fits a long, nor null. */
    private static final Object OTHER = new Object();

    private static final class TreeFields extends Fields {
        private final JsonNode node;

        TreeFields(JsonNode node) {
            this.node = node;
        }

        @Override
        boolean has(String name) {
            return node.get(name) != null;
        }

        @Override
        Object value(String name) {
            JsonNode value = node.get(name);
            if (value.isNull()) {
                return NULL;
            }
            if (value.isTextual()) {
                return value.textValue();
            }
            return value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.longValue() : OTHER;
        }
    }

    /** The fields of a flat JSON object, read token by token. */
    private static final class FlatFields extends Fields {
        private static final Set<String> KNOWN = Set.of("deviceId", "seq", "prevHash", "entryId", "campaignId",
                "class", "mode", "sha256", "scheduledStart", "actualStart", "actualEnd", "outcome", "reason",
                "clockOffsetMs", "timelineVersion", "onAirMs", "chain");
        private static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        private final Map<String, Object> values;

        FlatFields(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        boolean has(String name) {
            return values.containsKey(name);
        }

        @Override
        Object value(String name) {
            return values.get(name);
        }

        /**
         * The payload's fields when it is one JSON object whose known fields hold scalars, with nothing after it;
         * null for anything else, which the tree reading then decides (and names). Unknown fields may hold
         * anything: they are skipped, duplicate keys inside them still noticed by the parser.
         */
        static Map<String, Object> read(String payload) {
            try (JsonParser p = FACTORY.createParser(payload)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                Map<String, Object> values = new HashMap<>();
                for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                        if (KNOWN.contains(name)) {
                            return null;
                        }
                        p.skipChildren();
                        values.put(name, OTHER);
                    } else {
                        values.put(name, scalar(p, v));
                    }
                }
                return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null ? values : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static Object scalar(JsonParser p, JsonToken v) throws IOException {
            return switch (v) {
                case VALUE_STRING -> p.getText();
                case VALUE_NULL -> NULL;
                case VALUE_NUMBER_INT -> p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? OTHER
                        : (Object) p.getLongValue();
                default -> OTHER;
            };
        }
    }
}
