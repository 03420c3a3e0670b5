package vn.bantin.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The exact bytes of an enroll answer (contract: enroll): compact JSON, fields in a fixed order. */
final class EnrollAnswer {

    private static final JsonFactory JSON = new JsonFactory();

    private EnrollAnswer() {
    }

    static byte[] bytes(DeviceService.EnrollResult r, String nonce) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("deviceId", r.deviceId());
            g.writeNumberField("endpointId", r.endpointId());
            g.writeStringField("status", r.status().name());
            g.writeStringField("controllerPublicKey", r.controllerPublicKey());
            g.writeNumberField("serverTime", r.serverTime());
            g.writeStringField("nonce", nonce);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
