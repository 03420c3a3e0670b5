package vn.bantin.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The exact bytes of a heartbeat answer (contract: heartbeat): compact JSON, fields in a fixed order. */
final class HeartbeatAnswer {

    private static final JsonFactory JSON = new JsonFactory();

    private HeartbeatAnswer() {
    }

    static byte[] bytes(String deviceId, String nonce, long serverTime, String timelineVersion) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("deviceId", deviceId);
            g.writeStringField("nonce", nonce);
            g.writeNumberField("serverTime", serverTime);
            g.writeStringField("timelineVersion", timelineVersion);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
