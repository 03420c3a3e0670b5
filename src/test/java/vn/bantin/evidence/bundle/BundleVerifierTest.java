package vn.bantin.evidence.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.SignedRecord;
import vn.bantin.evidence.bundle.Finding.Kind;
import vn.bantin.security.Ed25519Keys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@DisplayName("BundleVerifier: every kind of tampering is detected and named, nothing is hidden")
class BundleVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long T0 = 1_764_000_000_000L;

    private final Ed25519Keys.KeyPair controller = Ed25519Keys.generate();
    private final Ed25519Keys.KeyPair device = Ed25519Keys.generate();
    private final Ed25519Keys.KeyPair other = Ed25519Keys.generate();

    /** Records 1..count of a key's chain, each edited by {@code edit} before it is hashed and signed. */
    private static List<SignedRecord> chain(Ed25519Keys.KeyPair key, int count, Consumer<ObjectNode> edit) {
        List<SignedRecord> out = new ArrayList<>();
        String prev = PlayRecordPayload.GENESIS_HASH;
        for (int seq = 1; seq <= count; seq++) {
            ObjectNode p = JSON.createObjectNode().put("deviceId", key.deviceId()).put("seq", seq).put("prevHash", prev)
                    .put("entryId", "e" + seq).put("campaignId", 3).put("class", "NORMAL").put("mode", "ONCE")
                    .put("sha256", "a".repeat(64)).put("scheduledStart", T0 + seq * 60_000)
                    .put("actualStart", T0 + seq * 60_000 + 40).put("actualEnd", T0 + seq * 60_000 + 30_040)
                    .put("outcome", "PLAYED").putNull("reason").put("clockOffsetMs", -12).put("timelineVersion", "v")
                    .put("chain", PlayRecordPayload.CHAIN_SIGNED);
            edit.accept(p);
            out.add(sign(key, p.toString()));
            prev = out.get(out.size() - 1).chainHash(PlayRecordPayload.CHAIN_SIGNED);
        }
        return out;
    }

    private static SignedRecord sign(Ed25519Keys.KeyPair key, String payload) {
        return new SignedRecord(payload, key.signBase64(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private EvidenceBundle.Device device(SignedRecord anchor, List<SignedRecord> records, List<EvidenceBundle.Aside> aside,
                                         List<SignedRecord> notices) {
        return new EvidenceBundle.Device(device.deviceId(), device.publicKeyBase64(), anchor, records, aside, List.of(),
                notices);
    }

    private byte[] bytes(EvidenceBundle.Device d) {
        return BundleJson.toBytes(new EvidenceBundle(EvidenceBundle.FORMAT, controller.publicKeyBase64(), T0, T0,
                T0 + 86_400_000, List.of(new EvidenceBundle.Endpoint(12, "Cụm loa thôn Đông", List.of(d)))));
    }

    /** Verified against the controller key the auditor trusts, the bundle signed by the controller. */
    private VerificationReport verify(EvidenceBundle.Device d) {
        byte[] b = bytes(d);
        return BundleVerifier.verify(b, controller.signBase64(b), controller.publicKey());
    }

    private static List<Kind> kinds(VerificationReport r) {
        List<Kind> out = new ArrayList<>(r.bundleFindings().stream().map(Finding::kind).toList());
        r.devices().forEach(d -> d.findings().forEach(f -> out.add(f.kind())));
        return out;
    }

    private static Finding only(VerificationReport r) {
        assertThat(r.bundleFindings()).isEmpty();
        assertThat(r.devices().get(0).findings()).hasSize(1);
        return r.devices().get(0).findings().get(0);
    }

    @Test
    @DisplayName("an untouched bundle verifies, chain from genesis")
    void intact() {
        VerificationReport r = verify(device(null, chain(device, 10, p -> { }), List.of(), List.of()));

        assertThat(r.verified()).isTrue();
        assertThat(r.devices().get(0).records()).isEqualTo(10);
        assertThat(r.devices().get(0).firstSeq()).isEqualTo(1);
        assertThat(r.devices().get(0).lastSeq()).isEqualTo(10);
    }

    @Test
    @DisplayName("an edited field breaks that record's signature and the next record's link, both named; re-exported"
            + " without the controller, the bundle's signature too")
    void editedField() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 6, p -> { }));
        SignedRecord fifth = records.get(4);
        records.set(4, new SignedRecord(fifth.payload().replace("\"PLAYED\"", "\"MISSED\""), fifth.sig()));

        List<Finding> found = verify(device(null, records, List.of(), List.of())).devices().get(0).findings();
        assertThat(found).extracting(Finding::kind).containsExactly(Kind.BAD_SIGNATURE, Kind.BROKEN_LINK);
        assertThat(found).extracting(Finding::seq).containsExactly(5L, 6L);

        byte[] signedOriginal = bytes(device(null, chain(device, 6, p -> { }), List.of(), List.of()));
        byte[] edited = bytes(device(null, records, List.of(), List.of()));
        VerificationReport r = BundleVerifier.verify(edited, controller.signBase64(signedOriginal), controller.publicKey());
        assertThat(kinds(r)).containsExactly(Kind.BUNDLE_SIGNATURE, Kind.BAD_SIGNATURE, Kind.BROKEN_LINK);
    }

    @Test
    @DisplayName("a dropped record is a gap at its seq")
    void dropped() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 6, p -> { }));
        records.remove(3);

        Finding f = only(verify(device(null, records, List.of(), List.of())));
        assertThat(f.kind()).isEqualTo(Kind.GAP);
        assertThat(f.seq()).isEqualTo(4);
        assertThat(f.lastSeq()).isEqualTo(4);
        assertThat(f.explanation()).isNull();
    }

    @Test
    @DisplayName("a gap the device explained carries its signed words; still a finding")
    void explainedGap() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 6, p -> { }));
        records.remove(3);
        SignedRecord notice = sign(device, JSON.createObjectNode().put("type", "gap-notice")
                .put("deviceId", device.deviceId()).put("firstSeq", 4).put("lastSeq", 4).put("cause", "TORN")
                .put("detail", "spool/4.json torn by a power cut").put("notedAt", T0).toString());

        Finding f = only(verify(device(null, records, List.of(), List.of(notice))));
        assertThat(f.kind()).isEqualTo(Kind.GAP);
        assertThat(f.explanation()).contains("TORN", "spool/4.json torn by a power cut");
    }

    @Test
    @DisplayName("reordered records are named out of order, without inventing gaps or broken links")
    void reordered() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 8, p -> { }));
        Collections.swap(records, 5, 6);

        Finding f = only(verify(device(null, records, List.of(), List.of())));
        assertThat(f.kind()).isEqualTo(Kind.OUT_OF_ORDER);
        assertThat(f.seq()).isEqualTo(6);
    }

    @Test
    @DisplayName("a record replayed from another device is named as another device's")
    void replayedFromAnotherDevice() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 4, p -> { }));
        records.add(chain(other, 5, p -> { }).get(4));

        Finding f = only(verify(device(null, records, List.of(), List.of())));
        assertThat(f.kind()).isEqualTo(Kind.OTHER_DEVICE);
        assertThat(f.seq()).isEqualTo(5);
        assertThat(f.message()).contains(other.deviceId());
    }

    @Test
    @DisplayName("a record re-signed with another key does not verify with the device's, and the next no longer links")
    void resignedWithAnotherKey() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 5, p -> { }));
        records.set(2, sign(other, records.get(2).payload()));

        List<Finding> findings = verify(device(null, records, List.of(), List.of())).devices().get(0).findings();
        // chain rule 2: record 4's prevHash covers record 3's signature as the device made it
        assertThat(findings).extracting(Finding::kind, Finding::seq)
                .containsExactly(tuple(Kind.BAD_SIGNATURE, 3L), tuple(Kind.BROKEN_LINK, 4L));
    }

    @Test
    @DisplayName("an edited bundle (anything in it) fails the controller's signature; another key is named too")
    void editedBundle() {
        byte[] b = bytes(device(null, chain(device, 3, p -> { }), List.of(), List.of()));
        String signature = controller.signBase64(b);
        byte[] renamed = new String(b, StandardCharsets.UTF_8).replace("Cụm loa thôn Đông", "Cụm loa thôn Tây")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(kinds(BundleVerifier.verify(renamed, signature, controller.publicKey())))
                .containsExactly(Kind.BUNDLE_SIGNATURE);
        assertThat(kinds(BundleVerifier.verify(b, signature, other.publicKey())))
                .containsExactly(Kind.CONTROLLER_KEY, Kind.BUNDLE_SIGNATURE);
        assertThat(BundleVerifier.verify(b, signature, null).verified()).isTrue();
    }

    @Test
    @DisplayName("two different records signed by the device for one seq are a fork, listed or kept aside")
    void forks() {
        List<SignedRecord> records = chain(device, 3, p -> { });
        List<SignedRecord> rewritten = chain(device, 3, p -> p.put("outcome", "MISSED").put("reason", "rewritten"));

        Finding aside = only(verify(device(null, records, List.of(new EvidenceBundle.Aside(2, rewritten.get(1))),
                List.of())));
        assertThat(aside.kind()).isEqualTo(Kind.FORK);
        assertThat(aside.seq()).isEqualTo(2);

        List<SignedRecord> twice = new ArrayList<>(records);
        twice.add(2, rewritten.get(1));
        assertThat(kinds(verify(device(null, twice, List.of(), List.of())))).contains(Kind.FORK, Kind.OUT_OF_ORDER);
    }

    @Test
    @DisplayName("a validly signed record that does not name its predecessor's hash is a broken link")
    void brokenLink() {
        List<SignedRecord> records = new ArrayList<>(chain(device, 4, p -> { }));
        ObjectNode third;
        try {
            third = (ObjectNode) JSON.readTree(records.get(2).payload());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        records.set(2, sign(device, third.put("prevHash", "f".repeat(64)).toString()));

        List<Kind> found = kinds(verify(device(null, records, List.of(), List.of())));
        assertThat(found).containsExactly(Kind.BROKEN_LINK, Kind.BROKEN_LINK);
    }

    @Test
    @DisplayName("a period's first record links to the anchor before it; without the anchor that link is named unchecked")
    void anchor() {
        List<SignedRecord> records = chain(device, 8, p -> { });

        assertThat(verify(device(records.get(3), records.subList(4, 8), List.of(), List.of())).verified()).isTrue();
        assertThat(only(verify(device(null, records.subList(4, 8), List.of(), List.of()))).kind())
                .isEqualTo(Kind.UNLINKED_START);
        assertThat(only(verify(device(records.get(2), records.subList(4, 8), List.of(), List.of()))).kind())
                .isEqualTo(Kind.UNLINKED_START);
    }

    @Test
    @DisplayName("the bundle survives its own ZIP: same bytes, same signature")
    void zipRoundTrip() {
        byte[] b = bytes(device(null, chain(device, 2, p -> { }), List.of(), List.of()));
        BundleZip.Signed back = BundleZip.read(BundleZip.write(b, controller.signBase64(b)));

        assertThat(back.bundle()).isEqualTo(b);
        assertThat(BundleVerifier.verify(back.bundle(), back.signature(), controller.publicKey()).verified()).isTrue();
    }
}
