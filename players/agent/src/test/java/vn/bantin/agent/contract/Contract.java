package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.bantin.agent.crypto.DeviceKeys;

/**
 * The shared contract as the agent sees it: the files under {@code src/main/resources/contract/} of the
 * controller project, read through a path relative to the agent project directory. Nothing here is agent code;
 * the tests compare the agent's own classes against these files.
 */
final class Contract {

    static final Path DIR = Path.of(System.getProperty("user.dir"))
            .resolve("../../src/main/resources/contract").normalize();
    static final Path EXAMPLES = DIR.resolve("examples");
    static final Path SCHEMAS = DIR.resolve("schema");

    private Contract() {
    }

    static byte[] bytes(String exampleFile) {
        return read(EXAMPLES.resolve(exampleFile));
    }

    static String text(String exampleFile) {
        return new String(bytes(exampleFile), StandardCharsets.UTF_8);
    }

    static Map<String, Object> json(String exampleFile) {
        return parse(bytes(exampleFile));
    }

    static Map<String, Object> schema(String schemaFile) {
        return parse(read(SCHEMAS.resolve(schemaFile)));
    }

    static Map<String, Object> parse(byte[] json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            fail("contract file not found: " + file + " (resolved from user.dir=" + System.getProperty("user.dir")
                    + "; the agent's contract tests must run with players/agent as working directory, inside the"
                    + " Bantin repository whose src/main/resources/contract/ holds the shared contract)");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the TEST-ONLY keys of examples/test-keys.json

    @SuppressWarnings("unchecked")
    private static Map<String, Object> key(String who) {
        return (Map<String, Object>) json("test-keys.json").get(who);
    }

    static byte[] controllerPublicKey() {
        return Base64.getDecoder().decode((String) key("controller").get("publicKey"));
    }

    /** A signature by the TEST controller key, as the controller signs bodies (base64 of the raw 64 bytes). */
    static String signAsController(byte[] data) {
        try {
            byte[] seed = Base64.getDecoder().decode((String) key("controller").get("seed"));
            java.security.PrivateKey key = java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                    new java.security.spec.PKCS8EncodedKeySpec(concat(HexFormat.of().parseHex(
                            "302e020100300506032b657004220420"), seed)));
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] devicePublicKey() {
        return Base64.getDecoder().decode((String) key("device").get("publicKey"));
    }

    static String deviceId() {
        return (String) key("device").get("deviceId");
    }

    /**
     * The agent's own DeviceKeys, loaded by its own loader from a state directory holding the test device key
     * in the standard encodings it stores (PKCS#8 private key from the 32-byte seed, X.509 public key).
     */
    static DeviceKeys deviceKeys(Path stateDir) throws IOException {
        byte[] seed = Base64.getDecoder().decode((String) key("device").get("seed"));
        Files.write(stateDir.resolve("device-key.pk8"), concat(HexFormat.of().parseHex("302e020100300506032b657004220420"), seed));
        Files.write(stateDir.resolve("device-key.pub"), concat(HexFormat.of().parseHex("302a300506032b6570032100"), devicePublicKey()));
        return DeviceKeys.loadOrCreate(stateDir);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * What a message breaks of a schema: missing required fields and, for properties declaring a JSON
     * {@code type} or an {@code enum}, values of another type (nested objects are checked the same way).
     * {@code $ref}s are not followed. Empty when the message conforms as far as this reading goes.
     */
    @SuppressWarnings("unchecked")
    static List<String> violations(Map<String, Object> schema, Map<String, Object> message) {
        List<String> out = new ArrayList<>();
        for (Object required : (List<Object>) schema.getOrDefault("required", List.of())) {
            if (!message.containsKey(required)) {
                out.add("missing required field \"" + required + "\"");
            }
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            if (!message.containsKey(p.getKey())) {
                continue;
            }
            Map<String, Object> ps = (Map<String, Object>) p.getValue();
            Object value = message.get(p.getKey());
            Object type = ps.get("type");
            if (type != null) {
                List<Object> types = type instanceof List ? (List<Object>) type : List.of(type);
                if (types.stream().noneMatch(t -> isOfType(value, (String) t))) {
                    out.add("\"" + p.getKey() + "\" is " + value + ", not of type " + types);
                }
            }
            Object values = ps.get("enum");
            if (values != null && !((List<Object>) values).contains(value)) {
                out.add("\"" + p.getKey() + "\" is " + value + ", not one of " + values);
            }
            if (value instanceof Map && ps.containsKey("properties")) {
                violations(ps, (Map<String, Object>) value).forEach(v -> out.add(p.getKey() + ": " + v));
            }
        }
        return out;
    }

    private static boolean isOfType(Object value, String type) {
        return switch (type) {
            case "null" -> value == null;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> false;
        };
    }
}
