package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.bantin.agent.crypto.Hashes;

/**
 * The hash a record's successor names in its {@code prevHash} (contract: payload field {@code chain}). This agent
 * writes chain rule 2: the hash covers the payload and its signature, so the controller checks one signature for
 * a linked run. Records written before the upgrade (no {@code chain} field) follow rule 1: the payload alone.
 */
final class ChainHash {

    static final int RULE = 2;

    private ChainHash() {
    }

    /** For a record this agent just signed. */
    static String signed(String payload, String sig) {
        return Hashes.sha256Hex((payloadHash(payload) + "\n" + sig).getBytes(StandardCharsets.US_ASCII));
    }

    /** For a record read back from the spool, under the rule its payload names. */
    static String of(SpooledRecord record) throws IOException {
        Object chain = JSON.std.mapFrom(record.payload()).get("chain");
        return chain instanceof Number n && n.intValue() == RULE ? signed(record.payload(), record.sig())
                : payloadHash(record.payload());
    }

    private static String payloadHash(String payload) {
        return Hashes.sha256Hex(payload.getBytes(StandardCharsets.UTF_8));
    }
}
