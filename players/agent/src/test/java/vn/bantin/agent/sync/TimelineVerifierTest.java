package vn.bantin.agent.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.bantin.agent.crypto.Hashes;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineVerifierTest {

    private static final String DEVICE = "0123456789abcdef0123456789abcdef";
    private static final String SHA = "ab".repeat(32);

    @TempDir
    Path state;
    private TestController controller;
    private TimelineVerifier verifier;
    private byte[] body;

    @BeforeEach
    void setUp() throws Exception {
        controller = new TestController();
        verifier = new TimelineVerifier(controller.rawPublicKey(), DEVICE);
        body = TestController.timeline(DEVICE, SHA, 100, 1764000000000L);
    }

    @Test
    void correctlySignedTimelineIsAccepted() throws Exception {
        Timeline t = verifier.verify(body, controller.sign(body));

        assertThat(t.entries()).singleElement().satisfies(e -> {
            assertThat(e.campaign()).isEqualTo("Bản tin sáng");
            assertThat(e.items().get(0).sha256()).isEqualTo(SHA);
        });
    }

    @Test
    void tamperedUnsignedWrongKeyAndOtherDeviceAreRefused() throws Exception {
        String sig = controller.sign(body);
        byte[] tampered = Arrays.copyOf(body, body.length);
        tampered[tampered.length - 10] = '9';
        TestController other = new TestController();
        byte[] forOther = TestController.timeline("ffffffffffffffffffffffffffffffff", SHA, 100, 1764000000000L);

        assertThatThrownBy(() -> verifier.verify(tampered, sig)).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> verifier.verify(body, null)).hasMessageContaining("unsigned");
        assertThatThrownBy(() -> verifier.verify(body, other.sign(body))).hasMessageContaining("does not verify");
        assertThatThrownBy(() -> verifier.verify(forOther, controller.sign(forOther))).hasMessageContaining("device");
    }

    @Test
    void storeKeepsTheLastVerifiedTimelineAcrossRefusalsAndRestarts() throws Exception {
        TimelineStore store = new TimelineStore(state);
        store.init(verifier);
        store.accept(body, controller.sign(body));
        byte[] newer = TestController.timeline(DEVICE, SHA, 100, 1764000005000L);

        assertThatThrownBy(() -> store.accept(newer, new TestController().sign(newer)))
                .isInstanceOf(TimelineVerifier.TimelineRejected.class);
        assertThat(store.current().entries().get(0).start()).isEqualTo(1764000000000L);

        TimelineStore rebooted = new TimelineStore(state);
        rebooted.init(verifier);
        assertThat(rebooted.current()).isEqualTo(store.current());
        assertThat(rebooted.etag()).isEqualTo(store.etag());

        TimelineStore otherKey = new TimelineStore(state);
        otherKey.init(new TimelineVerifier(new TestController().rawPublicKey(), DEVICE));
        assertThat(otherKey.current()).isNull();
    }

    /** A week of bulletins (megabytes) is checked from its file in pieces; a bad one changes nothing on disk or in memory. */
    @Test
    void aBigTimelineIsVerifiedFromItsFileAndABadOneLeavesTheStoredOneAsItWas() throws Exception {
        byte[] week = TimelineParserTest.weekOfBulletins(DEVICE, 9, 20_000);
        assertThat((long) week.length).isGreaterThan(TimelineVerifier.IN_MEMORY_MAX_BYTES);
        String sig = controller.sign(week);
        TimelineStore store = new TimelineStore(state);
        store.init(verifier);

        Timeline t = store.accept(week, sig);
        assertThat(t.entries()).hasSize(20_000);
        assertThat(t).isEqualTo(verifier.verify(week, sig)).as("file and memory paths read the same timeline");
        assertThat(store.etag()).isEqualTo("\"" + Hashes.sha256Hex(week) + "\"");
        Path stored = state.resolve("timeline.signed");
        byte[] storedBytes = Files.readAllBytes(stored);
        assertThat(new String(storedBytes, 0, sig.length() + 1, StandardCharsets.US_ASCII)).isEqualTo(sig + "\n");
        assertThat(Files.exists(store.partFile())).isFalse();

        byte[] newer = TimelineParserTest.weekOfBulletins(DEVICE, 10, 20_000);
        byte[] tampered = newer.clone();
        tampered[tampered.length / 2] = (byte) (tampered[tampered.length / 2] == '1' ? '2' : '1');
        assertThatThrownBy(() -> store.accept(tampered, controller.sign(newer))).hasMessageContaining("does not verify");
        byte[] otherDevice = TimelineParserTest.weekOfBulletins("f".repeat(32), 10, 20_000);
        assertThatThrownBy(() -> store.accept(otherDevice, controller.sign(otherDevice))).hasMessageContaining("device");
        byte[] unparsable = Arrays.copyOf(newer, newer.length - 2);
        assertThatThrownBy(() -> store.accept(unparsable, controller.sign(unparsable))).hasMessageContaining("malformed");
        assertThat(store.current()).isSameAs(t);
        assertThat(Files.readAllBytes(stored)).isEqualTo(storedBytes);
        assertThat(Files.exists(store.partFile())).isFalse();

        TimelineStore rebooted = new TimelineStore(state);
        rebooted.init(verifier);
        assertThat(rebooted.current()).isEqualTo(t);
        assertThat(rebooted.etag()).isEqualTo(store.etag());
        assertThat(rebooted.accept(newer, controller.sign(newer)).serial()).isEqualTo(10);
    }
}
