package vn.bantin.agent.sync;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import vn.bantin.agent.crypto.Ed25519;

/** A controller key pair and timeline bodies, for tests that need properly signed timelines. */
final class TestController {

    final KeyPair keys;

    TestController() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    byte[] rawPublicKey() {
        return Ed25519.rawPublicKey(keys.getPublic());
    }

    String sign(byte[] body) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(keys.getPrivate());
        s.update(body);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    static byte[] timeline(String deviceId, String sha, long size, long start) {
        return ("{\"deviceId\":\"" + deviceId + "\",\"endpointId\":12,\"version\":\"" + "v".repeat(1) + start + "\",\"serial\":" + start + ","
                + "\"from\":" + (start - 1000) + ",\"to\":" + (start + 604800000L) + ",\"entries\":["
                + "{\"id\":\"e1\",\"start\":" + start + ",\"end\":" + (start + 2000) + ",\"mode\":\"ONCE\","
                + "\"class\":\"NORMAL\",\"campaignId\":3,\"campaign\":\"Bản tin sáng\",\"volume\":80,"
                + "\"anchor\":" + start + ",\"items\":[{\"sha256\":\"" + sha + "\",\"size\":" + size
                + ",\"durationMs\":2000,\"kind\":\"AUDIO\",\"url\":\"/agent/v1/media/" + sha + "\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
