package vn.bantin.http.agent;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.app.ApiException;
import vn.bantin.app.DeviceAuthenticator;
import vn.bantin.app.DeviceService;
import vn.bantin.app.TimelineService;
import vn.bantin.http.Blocking;
import vn.bantin.store.EndpointRepository.DeviceRow;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What an agent sends on its push stream (contract: push stream): heartbeats, each signed as the same
 * heartbeat sent as {@code POST /agent/v1/heartbeat} would be, answered on the stream with the same signed
 * body. One persistent connection carries them, so an idle endpoint opens no new connections.
 */
final class StreamInbox {

    private static final Logger LOG = LoggerFactory.getLogger(StreamInbox.class);

    private final DeviceRow device;
    private final DeviceAuthenticator authenticator;
    private final DeviceService devices;
    private final TimelineService timelines;
    private final Blocking blocking;
    private final Consumer<String> reply;

    StreamInbox(DeviceRow device, DeviceAuthenticator authenticator, DeviceService devices, TimelineService timelines,
                Blocking blocking, Consumer<String> reply) {
        this.device = device;
        this.authenticator = authenticator;
        this.devices = devices;
        this.timelines = timelines;
        this.blocking = blocking;
        this.reply = reply;
    }

    void handle(String text) {
        JsonObject msg;
        try {
            msg = new JsonObject(text);
        } catch (DecodeException e) {
            LOG.warn("endpoint {} sent a stream message that is not JSON", device.endpointId());
            return;
        }
        if ("heartbeat".equals(msg.getString("type"))) {
            heartbeat(msg);
        }
    }

    private void heartbeat(JsonObject msg) {
        String nonce = msg.getString("nonce");
        String body = msg.getString("body", "");
        Map<String, String> headers = Map.of("X-Bantin-Device", device.deviceId(),
                "X-Bantin-Timestamp", String.valueOf(msg.getValue("timestamp")),
                "X-Bantin-Nonce", nonce == null ? "" : nonce,
                "X-Bantin-Signature", msg.getString("signature", ""));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        blocking.run(() -> {
            DeviceRow signer = authenticator.authenticate("POST", HeartbeatHandler.PATH, headers::get, bytes);
            if (signer.endpointId() != device.endpointId()) {
                throw new ApiException(401, "bad_signature", "signed by another device than the stream's");
            }
            try {
                new JsonObject(body);
            } catch (DecodeException e) {
                throw ApiException.badRequest("bad_json", "heartbeat body is not JSON");
            }
            return devices.heartbeat(signer, nonce, body, () -> timelines.signedFor(signer.endpointId()).version());
        }).onSuccess(answer -> reply.accept(new JsonObject().put("type", "heartbeat-answer").put("nonce", nonce)
                .put("status", 200).put("signature", answer.signature())
                .put("body", new String(answer.body(), StandardCharsets.UTF_8)).encode()))
                .onFailure(e -> reply.accept(refusal(nonce, e).encode()));
    }

    /** Like a 401 on HTTP: the code, and the server time signed for the refused heartbeat's nonce. */
    private JsonObject refusal(String nonce, Throwable e) {
        DeviceAuthenticator.SignedTime time = authenticator.serverTime(nonce);
        ApiException a = e instanceof ApiException api ? api : new ApiException(500, "internal", "internal error");
        if (!(e instanceof ApiException)) {
            LOG.error("stream heartbeat of endpoint {} failed", device.endpointId(), e);
        }
        return new JsonObject().put("type", "heartbeat-answer").put("nonce", nonce).put("status", a.status())
                .put("code", a.code()).put("error", a.getMessage()).put("serverTime", time.serverTime())
                .put("serverTimeSignature", time.signature());
    }
}
