package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.spool.PlayRecord;
import vn.bantin.agent.spool.RecordSpool;
import vn.bantin.agent.spool.SpooledRecord;
import vn.bantin.agent.sync.Timeline;
import vn.bantin.agent.sync.TimelineVerifier;

/** examples/timeline-stream.json and play-record-payload-stream.json against the agent's parser and spool. */
class StreamEntryContractTest {

    @TempDir
    Path state;

    private final TimelineVerifier verifier = new TimelineVerifier(Contract.controllerPublicKey(), Contract.deviceId());

    private Timeline verified(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return verifier.verify(bytes, Contract.signAsController(bytes));
    }

    @Test
    void theAgentReadsStreamEntriesWithTheirStreamAndFallback() throws Exception {
        Timeline t = verified(Contract.text("timeline-stream.json"));

        Timeline.Entry icecast = t.entries().get(0);
        assertThat(icecast.isStream()).isTrue();
        assertThat(icecast.stream()).isEqualTo(new Timeline.Stream("http://radio.tinh.gov.vn:8000/tinh.mp3",
                "Đài Phát thanh tỉnh", 2L, null, null));
        assertThat(icecast.items()).singleElement().satisfies(i -> assertThat(i.durationMs()).isEqualTo(180_000));
        assertThat(t.entries().get(1).stream().url()).endsWith(".m3u8");
        assertThat(t.entries().get(1).items()).isEmpty();
        assertThat(Contract.violations("timeline.schema.json", Contract.json("timeline-stream.json"))).isEmpty();
    }

    @Test
    void aStreamEntryWithoutItsStreamOrWithAnotherSchemeIsRefused() {
        String body = Contract.text("timeline-stream.json");
        for (String bad : List.of(body.replaceFirst("\"stream\":\\{[^}]*\\},", ""),
                body.replace("http://radio.tinh.gov.vn", "rtmp://radio.tinh.gov.vn"),
                body.replace("http://radio.tinh.gov.vn", "http://source:hackme@radio.tinh.gov.vn"),
                body.replaceFirst("\"mode\":\"STREAM\"", "\"mode\":\"ONCE\""))) {
            assertThatThrownBy(() -> verified(bad)).as(bad).isInstanceOf(TimelineVerifier.TimelineRejected.class);
        }
    }

    @Test
    void aRelayRecordCarriesOnAirTimeAndGapsAsTheExampleShows() throws Exception {
        RecordSpool spool = RecordSpool.open(state.resolve("spool"), Contract.deviceKeys(state));
        PlayRecord.Relay relay = new PlayRecord.Relay(1_759_170, List.of(new PlayRecord.Gap(1_764_026_100_000L,
                1_764_026_150_000L, "stream stalled: no audio for 3000 ms", "8d".repeat(32))));
        SpooledRecord written = spool.append(new PlayRecord("e1", 4L, "NORMAL", "STREAM", "c2".repeat(32),
                1_764_025_200_000L, 1_764_025_200_850L, 1_764_027_000_020L, PlayRecord.Outcome.PLAYED, null, -12, "v1",
                relay));

        Map<String, Object> payload = Contract.parse(written.payload().getBytes(StandardCharsets.UTF_8));
        assertThat(payload.keySet())
                .containsExactlyInAnyOrderElementsOf(Contract.json("play-record-payload-stream.json").keySet());
        assertThat(Contract.violations("play-record-payload.schema.json", payload)).isEmpty();
        assertThat(Contract.violations("play-record-payload.schema.json",
                Contract.json("play-record-payload-stream.json"))).isEmpty();
    }
}
