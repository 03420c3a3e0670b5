package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.agent.crypto.Hashes;

/** Acknowledgement bodies as the contract shapes them, for test controllers to sign (or forge). */
public final class Acks {

    private Acks() {
    }

    /** The ack of {@code requestBody} holding {@code held} ranges, refusing the records at {@code refusedIndexes}. */
    @SuppressWarnings("unchecked")
    public static byte[] of(String deviceId, byte[] requestBody, List<long[]> held, List<Integer> refusedIndexes) {
        try {
            Map<String, Object> request = JSON.std.mapFrom(requestBody);
            List<Object> notices = ((List<Map<String, Object>>) request.getOrDefault("gapNotices", List.of())).stream()
                    .map(n -> (Object) Hashes.sha256Hex(((String) n.get("payload")).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8))).toList();
            Map<String, Object> ack = new LinkedHashMap<>();
            ack.put("deviceId", deviceId);
            ack.put("batch", request.get("batch"));
            ack.put("request", Hashes.sha256Hex(requestBody));
            ack.put("held", held.stream().map(r -> List.of(r[0], r[1])).toList());
            ack.put("stored", 0);
            ack.put("duplicates", 0);
            ack.put("conflicts", List.of());
            ack.put("refused", refusedIndexes.stream().map(i -> Map.of("index", i, "code", "bad_signature",
                    "message", "record " + i + ": the signature does not verify")).toList());
            ack.put("notices", notices);
            ack.put("refusedNotices", List.of());
            ack.put("serverTime", System.currentTimeMillis());
            return JSON.std.asBytes(ack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long[] range(long first, long last) {
        return new long[] {first, last};
    }
}
