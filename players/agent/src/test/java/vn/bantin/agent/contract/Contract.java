package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jr.ob.JSON;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The TEST controller key's fingerprint, as an installer configures it (controller.key.fingerprint). */
    static String controllerFingerprint() {
        return (String) key("controller").get("fingerprint");
    }

    /**
     * A stub controller's answer: the example's exact bytes with its nonce replaced by the request's, signed by
     * the TEST controller key into the exchange's X-Bantin-Signature header.
     */
    static byte[] signedForNonce(com.sun.net.httpserver.HttpExchange ex, String exampleFile) {
        byte[] example = bytes(exampleFile);
        byte[] answer = new String(example, java.nio.charset.StandardCharsets.UTF_8)
                .replace((String) parse(example).get("nonce"), ex.getRequestHeaders().getFirst("X-Bantin-Nonce"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("X-Bantin-Signature", signAsController(answer));
        return answer;
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

    private static final String SCHEMA_BASE = "https://bantin.vn/contract/v1/";
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(SCHEMA_BASE, SCHEMAS.toUri().toString())));
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    /**
     * What a message breaks of a contract schema (draft 2020-12, checked by a real validator with formats
     * asserted and {@code $ref}s followed to the sibling files); empty when it conforms.
     */
    static List<String> violations(String schemaFile, Object message) {
        JsonSchema schema = SCHEMA_FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile), SCHEMA_CONFIG);
        return schema.validate(new ObjectMapper().valueToTree(message)).stream().map(ValidationMessage::toString)
                .toList();
    }
}
