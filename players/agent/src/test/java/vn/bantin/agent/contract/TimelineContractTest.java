package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.sync.Timeline;
import vn.bantin.agent.sync.TimelineStore;
import vn.bantin.agent.sync.TimelineVerifier;

/** examples/timeline.json and its signature, through the agent's TimelineVerifier and Timeline. */
class TimelineContractTest {

    private final byte[] body = Contract.bytes("timeline.json");
    private final String sig = Contract.text("timeline.json.sig");
    private final TimelineVerifier verifier = new TimelineVerifier(Contract.controllerPublicKey(), Contract.deviceId());

    @Test
    @SuppressWarnings("unchecked")
    void acceptsTheExampleAndReadsEveryField() throws Exception {
        Timeline t = verifier.verify(body, sig);

        Map<String, Object> json = Contract.parse(body);
        assertThat(t.deviceId()).isEqualTo(Contract.deviceId()).isEqualTo(json.get("deviceId"));
        assertThat(t.version()).isEqualTo(json.get("version"));
        assertThat(t.serial()).isEqualTo(((Number) json.get("serial")).longValue()).isPositive();
        assertThat(t.from()).isEqualTo(((Number) json.get("from")).longValue());
        assertThat(t.to()).isEqualTo(((Number) json.get("to")).longValue());
        List<Object> entries = (List<Object>) json.get("entries");
        assertThat(t.entries()).hasSize(entries.size()).isNotEmpty();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> e = (Map<String, Object>) entries.get(i);
            Timeline.Entry a = t.entries().get(i);
            assertThat(a.id()).isEqualTo(e.get("id"));
            assertThat(a.start()).isEqualTo(((Number) e.get("start")).longValue());
            assertThat(a.end()).isEqualTo(((Number) e.get("end")).longValue());
            assertThat(a.mode()).isEqualTo(e.get("mode"));
            assertThat(a.clazz()).isEqualTo(e.get("class"));
            assertThat(a.campaignId()).isEqualTo(((Number) e.get("campaignId")).longValue());
            assertThat(a.campaign()).isEqualTo(e.get("campaign"));
            assertThat(a.volume()).isEqualTo(((Number) e.get("volume")).intValue());
            assertThat(a.anchor()).isEqualTo(((Number) e.get("anchor")).longValue());
            List<Object> items = (List<Object>) e.get("items");
            assertThat(a.items()).hasSize(items.size()).isNotEmpty();
            for (int j = 0; j < items.size(); j++) {
                Map<String, Object> it = (Map<String, Object>) items.get(j);
                Timeline.Item b = a.items().get(j);
                assertThat(b.sha256()).isEqualTo(it.get("sha256"));
                assertThat(b.size()).isEqualTo(((Number) it.get("size")).longValue());
                assertThat(b.durationMs()).isEqualTo(((Number) it.get("durationMs")).longValue());
                assertThat(b.kind()).isEqualTo(it.get("kind"));
                assertThat(b.url()).isEqualTo(it.get("url")).isEqualTo("/agent/v1/media/" + it.get("sha256"));
            }
        }
        // the example exercises both modes and the Vietnamese text survives as UTF-8
        assertThat(t.entries()).extracting(Timeline.Entry::mode).contains("ONCE", "LOOP");
        assertThat(t.entries().get(0).campaign()).isEqualTo("Bản tin sáng");
    }

    @Test
    void refusesTheBodyWithAnyOneByteChanged() {
        // a change that keeps the JSON valid, so only the signature can catch it
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).contains("\"volume\":80");
        byte[] louder = text.replace("\"volume\":80", "\"volume\":90").getBytes(StandardCharsets.UTF_8);
        assertThat(louder).hasSameSizeAs(body);
        assertThatThrownBy(() -> verifier.verify(louder, sig))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class).hasMessageContaining("signature");

        // and every single position: flip the low bit of byte i
        for (int i = 0; i < body.length; i += 97) {
            byte[] changed = body.clone();
            changed[i] ^= 1;
            int at = i;
            assertThatThrownBy(() -> verifier.verify(changed, sig)).as("byte %d changed", at)
                    .isInstanceOf(TimelineVerifier.TimelineRejected.class);
        }
        byte[] trailingNewline = java.util.Arrays.copyOf(body, body.length + 1);
        trailingNewline[body.length] = '\n';
        assertThatThrownBy(() -> verifier.verify(trailingNewline, sig))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class);
    }

    @Test
    void anOlderSerialOrTheSameSerialWithOtherBytesIsRefusedANewerOneTaken(@TempDir Path state) throws Exception {
        TimelineStore store = new TimelineStore(state);
        store.init(verifier);
        store.accept(body, sig);
        long serial = store.current().serial();
        String text = new String(body, StandardCharsets.UTF_8);

        byte[] older = text.replace("\"serial\":" + serial, "\"serial\":" + (serial - 1)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.accept(older, Contract.signAsController(older)))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class).hasMessageContaining("not newer");
        byte[] sameSerial = text.replace("\"volume\":80", "\"volume\":90").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> store.accept(sameSerial, Contract.signAsController(sameSerial)))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class);
        assertThat(store.current().entries().get(0).volume()).isEqualTo(80);
        assertThat(store.accept(body, sig).serial()).as("the same timeline again is fine").isEqualTo(serial);

        byte[] newer = text.replace("\"serial\":" + serial, "\"serial\":" + (serial + 1))
                .replace("\"volume\":80", "\"volume\":90").getBytes(StandardCharsets.UTF_8);
        assertThat(store.accept(newer, Contract.signAsController(newer)).serial()).isEqualTo(serial + 1);

        TimelineStore restarted = new TimelineStore(state);
        restarted.init(verifier);
        assertThatThrownBy(() -> restarted.accept(body, sig)).as("held across a restart")
                .isInstanceOf(TimelineVerifier.TimelineRejected.class);
    }

    @Test
    void refusesItForAnotherDeviceOrUnderAnotherKeyOrUnsigned() {
        TimelineVerifier other = new TimelineVerifier(Contract.controllerPublicKey(), "0".repeat(32));
        assertThatThrownBy(() -> other.verify(body, sig))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class).hasMessageContaining("device");

        TimelineVerifier wrongKey = new TimelineVerifier(Contract.devicePublicKey(), Contract.deviceId());
        assertThatThrownBy(() -> wrongKey.verify(body, sig)).isInstanceOf(TimelineVerifier.TimelineRejected.class);
        assertThatThrownBy(() -> verifier.verify(body, null)).isInstanceOf(TimelineVerifier.TimelineRejected.class);
        assertThatThrownBy(() -> verifier.verify(body, "")).isInstanceOf(TimelineVerifier.TimelineRejected.class);
    }
}
