package vn.bantin.evidence;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The acknowledgement of one plays request (contract: POST /agent/v1/plays), the exact body the controller
 * signs: bound to the device and to the request (its {@code batch} id and the SHA-256 of its body bytes), it
 * lists every sequence number the controller holds for the device as ranges, and what it did with each item
 * of the request. Compact UTF-8 JSON, fields in a fixed order.
 *
 * @param conflicts seqs of records kept aside because a stored record has the seq with other bytes
 * @param notices   hashes of the gap notices the controller holds from this request
 */
public record PlayAck(String deviceId, String batch, String requestSha256, SeqRanges held, int stored,
                      int duplicates, List<Long> conflicts, List<Refused> refused, List<String> notices,
                      List<Refused> refusedNotices, long serverTime) {

    /** An item of the request refused as invalid: its index in its array, its seq when readable. */
    public record Refused(int index, Long seq, String code, String message) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    public byte[] toWireBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("deviceId", deviceId);
            g.writeStringField("batch", batch);
            g.writeStringField("request", requestSha256);
            g.writeArrayFieldStart("held");
            for (SeqRanges.Range r : held.ranges()) {
                g.writeStartArray();
                g.writeNumber(r.first());
                g.writeNumber(r.last());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("stored", stored);
            g.writeNumberField("duplicates", duplicates);
            g.writeArrayFieldStart("conflicts");
            for (long seq : conflicts) {
                g.writeNumber(seq);
            }
            g.writeEndArray();
            writeRefused(g, "refused", refused);
            g.writeArrayFieldStart("notices");
            for (String hash : notices) {
                g.writeString(hash);
            }
            g.writeEndArray();
            writeRefused(g, "refusedNotices", refusedNotices);
            g.writeNumberField("serverTime", serverTime);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeRefused(JsonGenerator g, String field, List<Refused> items) throws IOException {
        g.writeArrayFieldStart(field);
        for (Refused r : items) {
            g.writeStartObject();
            g.writeNumberField("index", r.index());
            if (r.seq() == null) {
                g.writeNullField("seq");
            } else {
                g.writeNumberField("seq", r.seq());
            }
            g.writeStringField("code", r.code());
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
