package vn.bantin.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayRecordPayload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.support.ContractSchemas.violations;

@DisplayName("Contract: STREAM timeline entries and relay play records (controller side)")
class StreamContractTest {

    private static String example(String name) throws IOException {
        try (InputStream in = StreamContractTest.class.getResourceAsStream("/contract/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonObject timelineWith(JsonObject entry) throws IOException {
        JsonObject t = new JsonObject(example("timeline-stream.json"));
        return t.put("entries", new JsonArray().add(entry));
    }

    private static JsonObject streamEntry() throws IOException {
        return new JsonObject(example("timeline-stream.json")).getJsonArray("entries").getJsonObject(0);
    }

    @Test
    @DisplayName("the examples conform to the schemas and the controller reads the relay record's on-air time")
    void examplesConform() throws Exception {
        assertThat(violations("timeline.schema.json", example("timeline-stream.json"))).isEmpty();
        String payload = example("play-record-payload-stream.json");
        assertThat(violations("play-record-payload.schema.json", payload)).isEmpty();

        PlayRecordPayload read = PlayRecordPayload.parse(payload);
        assertThat(read.mode()).isEqualTo(SlotMode.STREAM);
        assertThat(read.onAirMs()).isEqualTo(1_759_170L);
    }

    @Test
    @DisplayName("a STREAM entry needs its stream, at most one fallback item, and an http(s) URL without credentials")
    void streamEntryShape() throws Exception {
        assertThat(violations("timeline.schema.json", timelineWith(streamEntry().copy().put("stream", (Object) null))
                .encode())).isNotEmpty();
        JsonObject noStream = streamEntry().copy();
        noStream.remove("stream");
        assertThat(violations("timeline.schema.json", timelineWith(noStream).encode())).isNotEmpty();
        JsonObject rtmp = streamEntry().copy();
        rtmp.getJsonObject("stream").put("url", "rtmp://127.0.0.1/live");
        assertThat(violations("timeline.schema.json", timelineWith(rtmp).encode())).isNotEmpty();
        JsonObject credentials = streamEntry().copy();
        credentials.getJsonObject("stream").put("url", "http://source:hackme@127.0.0.1:8000/tinh.mp3");
        assertThat(violations("timeline.schema.json", timelineWith(credentials).encode())).isNotEmpty();
        JsonObject twoFallbacks = streamEntry().copy();
        twoFallbacks.getJsonArray("items").add(twoFallbacks.getJsonArray("items").getJsonObject(0));
        assertThat(violations("timeline.schema.json", timelineWith(twoFallbacks).encode())).isNotEmpty();
    }

    @Test
    @DisplayName("ONCE and LOOP entries carry no stream and keep at least one item")
    void fileEntriesUnchanged() throws Exception {
        JsonObject once = streamEntry().copy().put("mode", "ONCE");
        assertThat(violations("timeline.schema.json", timelineWith(once).encode())).isNotEmpty();
        once.remove("stream");
        assertThat(violations("timeline.schema.json", timelineWith(once).encode())).isEmpty();
        assertThat(violations("timeline.schema.json", timelineWith(once.put("items", new JsonArray())).encode()))
                .isNotEmpty();
    }

    @Test
    @DisplayName("a record without on-air figures still reads, with onAirMs null")
    void onAirOptional() throws Exception {
        JsonObject payload = new JsonObject(example("play-record-payload-stream.json"));
        payload.remove("onAirMs");
        payload.remove("gaps");
        assertThat(violations("play-record-payload.schema.json", payload.encode())).isEmpty();
        assertThat(PlayRecordPayload.parse(payload.encode()).onAirMs()).isNull();
    }
}
