package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;

class PlayRecordPayloadTest {

    private static final String DEVICE = "0123456789abcdef0123456789abcdef";

    @Test
    @DisplayName("parses every contract field, nulls included")
    void parses() throws Exception {
        String json = TestDevice.payload(DEVICE, 2, "c".repeat(64))
                .putNull("entryId").putNull("campaignId").put("outcome", "MISSED").put("reason", "mất điện")
                .toString();

        PlayRecordPayload record = PlayRecordPayload.parse(json);

        assertThat(record.deviceId()).isEqualTo(DEVICE);
        assertThat(record.seq()).isEqualTo(2);
        assertThat(record.entryId()).isNull();
        assertThat(record.campaignId()).isNull();
        assertThat(record.broadcastClass()).isEqualTo(BroadcastClass.NORMAL);
        assertThat(record.mode()).isEqualTo(SlotMode.ONCE);
        assertThat(record.outcome()).isEqualTo(PlayOutcome.MISSED);
        assertThat(record.reason()).isEqualTo("mất điện");
        assertThat(record.clockOffsetMs()).isEqualTo(-12);
        assertThat(record.airtimeMs()).isEqualTo(30_000);
    }

    @Test
    @DisplayName("an item that never started (FAILED: media not in cache) has null actual times and no airtime")
    void neverStarted() throws Exception {
        String json = TestDevice.payload(DEVICE, 1, "0".repeat(64)).putNull("actualStart").putNull("actualEnd")
                .put("outcome", "FAILED").put("reason", "media not in cache").toString();

        PlayRecordPayload record = PlayRecordPayload.parse(json);

        assertThat(record.actualStart()).isNull();
        assertThat(record.actualEnd()).isNull();
        assertThat(record.airtimeMs()).isZero();
    }

    @Test
    @DisplayName("refuses non-JSON, missing or mistyped fields and duplicate keys with a clear message")
    void refuses() {
        assertThatThrownBy(() -> PlayRecordPayload.parse("not json")).hasMessageStartingWith("payload is not JSON");
        assertThatThrownBy(() -> PlayRecordPayload.parse("[1]")).hasMessage("payload is not a JSON object");
        assertThatThrownBy(() -> PlayRecordPayload.parse(TestDevice.payload(DEVICE, 1, "0".repeat(64))
                .without("outcome").toString())).hasMessage("payload has no \"outcome\" field");
        assertThatThrownBy(() -> PlayRecordPayload.parse(TestDevice.payload(DEVICE, 1, "0".repeat(64))
                .put("seq", "1").toString())).hasMessage("\"seq\" must be a whole number");
        assertThatThrownBy(() -> PlayRecordPayload.parse(TestDevice.payload(DEVICE, 1, "0".repeat(64))
                .put("outcome", "DONE").toString())).hasMessageContaining("\"outcome\" must be one of");
        assertThatThrownBy(() -> PlayRecordPayload.parse(TestDevice.payload(DEVICE, 0, "0".repeat(64))
                .toString())).hasMessageContaining("seq must be 1 or more");
        String twice = TestDevice.payload(DEVICE, 1, "0".repeat(64)).toString().replace("{", "{\"seq\":9,");
        assertThatThrownBy(() -> PlayRecordPayload.parse(twice)).hasMessageContaining("Duplicate field 'seq'");
        assertThat(PlayRecordPayload.seqOrNull("{\"seq\":7}")).isEqualTo(7);
        assertThat(PlayRecordPayload.seqOrNull("oops")).isNull();
    }
}
