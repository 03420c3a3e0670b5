package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Play record payload: the token-by-token reading gives the tree reading's verdict on every payload")
class PlayRecordPayloadReadingsTest {

    private static final String DEVICE = "0123456789abcdef0123456789abcdef";
    private static final String FIELDS = "deviceId seq prevHash entryId campaignId class mode sha256 scheduledStart"
            + " actualStart actualEnd outcome reason clockOffsetMs timelineVersion onAirMs";
    /** JSON values put in each field in turn: right and wrong types, edge numbers, nested values. */
    private static final List<String> VALUES = List.of("null", "\"x\"", "\"" + "a".repeat(64) + "\"",
            "\"" + "A".repeat(64) + "\"", "\"" + "a".repeat(63) + "\"", "0", "1", "-5", "1.0", "1e3",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "true", "{}", "[]",
            "{\"a\":1}", "[1,2]", "\"PLAYED\"", "\"ONCE\"", "\"NORMAL\"", "\"mất điện\"");

    @Test
    @DisplayName("each field set to each kind of value, removed, or repeated")
    void everyFieldEveryValue() {
        String base = TestDevice.payload(DEVICE, 7, "c".repeat(64)).toString();
        List<String> payloads = new ArrayList<>(List.of(base));
        for (String field : FIELDS.split(" ")) {
            for (String value : VALUES) {
                payloads.add(withField(base, field, value));
            }
            payloads.add(TestDevice.payload(DEVICE, 7, "c".repeat(64)).without(field).toString());
            payloads.add(base.substring(0, base.length() - 1) + ",\"" + field + "\":null}");
        }
        payloads.forEach(PlayRecordPayloadReadingsTest::sameVerdict);
        assertThat(payloads).hasSizeGreaterThan(300);
        assertThat(PlayRecordPayload.readsTokenByToken(base)).as("an agent's payload takes the quick reading").isTrue();
        assertThat(payloads.stream().filter(PlayRecordPayload::readsTokenByToken).count())
                .as("most variants are decided by the quick reading itself").isGreaterThan(250);
    }

    @Test
    @DisplayName("malformed JSON, other top-level values, trailing tokens and extra fields of any shape")
    void shapes() {
        String base = TestDevice.payload(DEVICE, 7, "c".repeat(64)).toString();
        String open = base.substring(0, base.length() - 1);
        for (String payload : List.of("", " ", "not json", "[1]", "null", "1", "\"s\"", "{}", "{\"seq\":1}",
                base + " ", base + "x", base + "{}", base + base, open, open + ",}", "{," + base.substring(1),
                open + ",\"gaps\":[{\"from\":1,\"to\":2}]}", open + ",\"extra\":{\"a\":{\"b\":[1,{\"c\":null}]}}}",
                open + ",\"extra\":{\"a\":1,\"a\":2}}", open + ",\"extra\":1,\"extra\":2}",
                open + ",\"extra\":[1,2,}", open + ",\"onAirMs\":25000}", "\uFEFF" + base, "\t\n" + base + "\n")) {
            sameVerdict(payload);
        }
    }

    /** Both readings accept with equal fields, or both refuse with the same message. */
    private static void sameVerdict(String payload) {
        Object tree;
        Object tokens;
        try {
            tree = PlayRecordPayload.parseTree(payload);
        } catch (InvalidPayloadException e) {
            tree = "refused: " + e.getMessage();
        }
        try {
            tokens = PlayRecordPayload.parse(payload);
        } catch (InvalidPayloadException e) {
            tokens = "refused: " + e.getMessage();
        }
        assertThat(tokens).as(payload).isEqualTo(tree);
    }

    private static String withField(String base, String field, String value) {
        String open = base.substring(0, base.length() - 1);
        String key = "\"" + field + "\":";
        int at = open.indexOf(key);
        if (at < 0) {
            return open + "," + key + value + "}";
        }
        int end = valueEnd(open, at + key.length());
        return open.substring(0, at + key.length()) + value + open.substring(end) + "}";
    }

    /** Where the scalar value starting at from ends (the base payload holds scalars only). */
    private static int valueEnd(String json, int from) {
        if (json.charAt(from) == '"') {
            return json.indexOf('"', from + 1) + 1;
        }
        int end = from;
        while (end < json.length() && json.charAt(end) != ',') {
            end++;
        }
        return end;
    }
}
