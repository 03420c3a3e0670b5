package vn.bantin.app;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import vn.bantin.store.CommandRepository.StoredCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A command as pushed to its agent (contract: push commands): {@code {"type":"command","payload":"...","sig":"..."}}
 * where payload is the exact JSON text the controller key signed, naming the device, so it is good only for it.
 */
public final class CommandMessage {

    private static final JsonFactory JSON = new JsonFactory();

    private CommandMessage() {
    }

    public static String payload(String deviceId, StoredCommand cmd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("deviceId", deviceId);
            g.writeNumberField("commandId", cmd.id());
            g.writeStringField("kind", cmd.kind());
            g.writeFieldName("args");
            g.writeRawValue(cmd.argsJson());
            g.writeNumberField("issuedAt", cmd.issuedAt());
            g.writeNumberField("expiresAt", cmd.expiresAt());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public static String signed(String deviceId, StoredCommand cmd, Function<byte[], String> signer) {
        String payload = payload(deviceId, cmd);
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("type", "command");
            g.writeStringField("payload", payload);
            g.writeStringField("sig", signer.apply(payload.getBytes(StandardCharsets.UTF_8)));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
