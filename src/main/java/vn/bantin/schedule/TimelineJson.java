package vn.bantin.schedule;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.StreamRef;
import vn.bantin.domain.TimelineItem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The exact body of {@code GET /agent/v1/timeline} (contract/README.md): compact UTF-8 JSON, fields in
 * a fixed order, Vietnamese unescaped. {@code version} is the hex SHA-256 of the entries array bytes
 * exactly as they appear in the body; {@code serial} numbers the timelines issued to the device. Same
 * timeline and serial, same bytes.
 */
public final class TimelineJson {

    public static final String MEDIA_PATH = "/agent/v1/media/";

    private static final JsonFactory JSON = new JsonFactory();

    private TimelineJson() {
    }

    public static byte[] toWireBytes(String deviceId, long serial, Timeline timeline) {
        byte[] entries = entriesBytes(timeline);
        ByteArrayOutputStream out = new ByteArrayOutputStream(entries.length + 256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("deviceId", deviceId);
            g.writeNumberField("endpointId", timeline.endpointId());
            g.writeStringField("version", version(entries));
            g.writeNumberField("serial", serial);
            g.writeNumberField("from", timeline.fromMs());
            g.writeNumberField("to", timeline.toMs());
            g.writeFieldName("entries");
            g.writeRawValue(new String(entries, StandardCharsets.UTF_8));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The timeline's version: what heartbeats compare, independent of device id and window. */
    public static String version(Timeline timeline) {
        return version(entriesBytes(timeline));
    }

    static byte[] entriesBytes(Timeline timeline) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (TimelineEntry entry : timeline.entries()) {
                writeEntry(g, entry);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeEntry(JsonGenerator g, TimelineEntry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeNumberField("start", e.startMs());
        g.writeNumberField("end", e.endMs());
        g.writeStringField("mode", e.mode().name());
        g.writeStringField("class", e.broadcastClass().name());
        g.writeNumberField("campaignId", e.campaignId());
        g.writeStringField("campaign", e.campaignName());
        g.writeNumberField("volume", e.volume());
        g.writeNumberField("anchor", e.anchorMs());
        if (e.stream() != null) {
            writeStream(g, e.stream());
        }
        g.writeArrayFieldStart("items");
        for (TimelineItem item : e.items()) {
            g.writeStartObject();
            g.writeStringField("sha256", item.sha256());
            g.writeNumberField("size", item.sizeBytes());
            g.writeNumberField("durationMs", item.durationMs());
            g.writeStringField("kind", item.kind().name());
            g.writeStringField("url", MEDIA_PATH + item.sha256());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeStream(JsonGenerator g, StreamRef s) throws IOException {
        g.writeObjectFieldStart("stream");
        g.writeStringField("url", s.url());
        g.writeStringField("name", s.name());
        writeNullable(g, "sourceId", s.sourceId());
        writeNullable(g, "liveSessionId", s.liveSessionId());
        writeNullable(g, "epochMs", s.epochMs());
        g.writeEndObject();
    }

    private static void writeNullable(JsonGenerator g, String field, Long value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value);
        }
    }

    private static String version(byte[] entries) {
        return HexFormat.of().formatHex(EntryIds.newDigest().digest(entries));
    }
}
