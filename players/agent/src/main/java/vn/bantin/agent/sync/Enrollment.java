package vn.bantin.agent.sync;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.crypto.DeviceKeys;
import vn.bantin.agent.io.AtomicFiles;

/**
 * Enrolls the device key until the controller answers ACTIVE. The first answer's controller key is pinned only
 * if it is the one the installer configured (key or fingerprint) and the answer is signed by it for this very
 * request; any later answer naming another key is refused.
 */
public final class Enrollment {

    private static final Logger LOG = Logger.getLogger(Enrollment.class.getName());
    public static final String VERSION = "0.2.0";

    private final Path file;
    private final DeviceKeys keys;
    private final String kind;
    private final String name;
    private final String code;
    private final ControllerTrust trust;
    private volatile byte[] pinnedKey;
    private volatile String status = "NEW";

    public Enrollment(Path stateDir, DeviceKeys keys, String kind, String name, String code, ControllerTrust trust)
            throws IOException {
        this.file = stateDir.resolve("enrollment.json");
        this.trust = trust;
        this.keys = keys;
        this.kind = kind;
        this.name = name;
        this.code = code;
        if (Files.exists(file)) {
            Map<String, Object> saved = JSON.std.mapFrom(Files.readAllBytes(file));
            pinnedKey = Base64.getDecoder().decode((String) saved.get("controllerPublicKey"));
            status = (String) saved.get("status");
        }
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public String status() {
        return status;
    }

    /** The pinned controller key, or null before the first successful enroll. */
    public byte[] pinnedKey() {
        return pinnedKey == null ? null : pinnedKey.clone();
    }

    /** The key controller answers are checked with: the pinned one, else the pre-installed one, else null. */
    public byte[] trustedKey() {
        byte[] pinned = pinnedKey;
        return pinned != null ? pinned.clone() : trust.preinstalledKey();
    }

    /** One enroll call; returns true once the device is ACTIVE. */
    public boolean attempt(ControllerClient client) throws IOException, InterruptedException {
        ControllerClient.Exchange<byte[]> exchange = client.exchange("POST", "/agent/v1/enroll",
                ControllerClient.json(request()), Map.of("Content-Type", "application/json"),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = exchange.response();
        if (response.statusCode() != 200) {
            LOG.warning("enroll refused: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return false;
        }
        Map<String, Object> answer = JSON.std.mapFrom(response.body());
        byte[] key = Base64.getDecoder().decode(String.valueOf(answer.get("controllerPublicKey")));
        String refusal = pinnedKey != null ? (java.util.Arrays.equals(pinnedKey, key) ? null
                : "it is not the pinned controller key") : trust.refusal(key);
        if (refusal != null) {
            LOG.severe("enroll answer names the controller key " + ControllerTrust.fingerprint(key) + ", not trusted: "
                    + refusal + "; not enrolled (check controller.url and the installer text of the enrollment code)");
            return false;
        }
        String signature = response.headers().firstValue("X-Bantin-Signature").orElse(null);
        if (!ControllerSignatures.body(key, response.body(), signature) || !exchange.nonce().equals(answer.get("nonce"))) {
            LOG.severe("enroll answer is not signed by the controller key for this request; ignored");
            return false;
        }
        if (!keys.deviceId().equals(answer.get("deviceId"))) {
            LOG.severe("enroll answer is for device " + answer.get("deviceId") + "; ignored");
            return false;
        }
        String newStatus = String.valueOf(answer.get("status"));
        if (pinnedKey == null || !newStatus.equals(status)) {
            pinnedKey = key;
            status = newStatus;
            Map<String, Object> saved = new LinkedHashMap<>();
            saved.put("controllerPublicKey", Base64.getEncoder().encodeToString(key));
            saved.put("status", status);
            saved.put("endpointId", answer.get("endpointId"));
            AtomicFiles.write(file, JSON.std.asBytes(saved));
            LOG.info("enrollment " + status + " as endpoint " + answer.get("endpointId") + ", device " + keys.deviceId());
        }
        return isActive();
    }

    private Map<String, Object> request() {
        Map<String, Object> hardware = new LinkedHashMap<>();
        hardware.put("model", readFirstLine(Path.of("/proc/device-tree/model"), System.getProperty("os.arch")));
        hardware.put("os", osName());
        hardware.put("agentVersion", VERSION);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publicKey", keys.publicKeyBase64());
        body.put("kind", kind);
        body.put("name", name);
        body.put("hardware", hardware);
        if (code != null) {
            body.put("enrollmentCode", code);
        }
        return body;
    }

    private static String osName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring(12).replace("\"", "");
                }
            }
        } catch (IOException ignored) {
            // fall through to the JVM's idea of the OS
        }
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    private static String readFirstLine(Path path, String fallback) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).replace("\u0000", "").trim();
        } catch (IOException e) {
            return fallback;
        }
    }
}
