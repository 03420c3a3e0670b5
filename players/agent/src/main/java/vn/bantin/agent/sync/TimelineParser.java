package vn.bantin.agent.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a timeline body token by token into its compact records, without a tree of maps in between:
 * a week of 30-second entries (20,000 and more) fits the agent's small heap. Items and campaign names
 * repeated across entries are kept once. Unknown fields are skipped; anything missing or malformed
 * throws IllegalArgumentException.
 */
final class TimelineParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Timeline.Item> items = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<List<Timeline.Item>, List<Timeline.Item>> itemLists = new HashMap<>();
    private final Map<Long, Long> campaignIds = new HashMap<>();

    static Timeline parse(byte[] body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            return new TimelineParser().timeline(p);
        }
    }

    static Timeline parse(java.io.InputStream body) throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            return new TimelineParser().timeline(p);
        }
    }

    private Timeline timeline(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.START_OBJECT);
        String deviceId = null;
        String version = null;
        Long serial = null;
        Long from = null;
        Long to = null;
        List<Timeline.Entry> entries = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "deviceId" -> deviceId = text(p);
                case "version" -> version = text(p);
                case "serial" -> serial = number(p);
                case "from" -> from = number(p);
                case "to" -> to = number(p);
                case "entries" -> entries = entries(p);
                default -> p.skipChildren();
            }
        }
        Timeline t = new Timeline(require(deviceId, "deviceId"), require(version, "version"),
                require(serial, "serial"), require(from, "from"), require(to, "to"),
                List.copyOf(require(entries, "entries")));
        t.checkShape();
        return t;
    }

    private List<Timeline.Entry> entries(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Timeline.Entry> out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(entry(p));
        }
        return out;
    }

    private Timeline.Entry entry(JsonParser p) throws IOException {
        String id = null;
        String mode = null;
        String clazz = null;
        String campaign = null;
        Long start = null;
        Long end = null;
        Long campaignId = null;
        Long volume = null;
        Long anchor = null;
        List<Timeline.Item> entryItems = null;
        Timeline.Stream stream = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "start" -> start = number(p);
                case "end" -> end = number(p);
                case "mode" -> mode = shared(text(p));
                case "class" -> clazz = shared(text(p));
                case "campaignId" -> campaignId = p.currentToken() == JsonToken.VALUE_NULL ? null
                        : campaignIds.computeIfAbsent(number(p), k -> k);
                case "campaign" -> campaign = p.currentToken() == JsonToken.VALUE_NULL ? null : shared(text(p));
                case "volume" -> volume = number(p);
                case "anchor" -> anchor = p.currentToken() == JsonToken.VALUE_NULL ? null : number(p);
                case "items" -> entryItems = items(p);
                case "stream" -> stream = p.currentToken() == JsonToken.VALUE_NULL ? null : stream(p);
                default -> p.skipChildren();
            }
        }
        long s = require(start, "start");
        return new Timeline.Entry(require(id, "id"), s, require(end, "end"), require(mode, "mode"),
                require(clazz, "class"), campaignId, campaign, Math.toIntExact(require(volume, "volume")),
                anchor == null ? s : anchor, itemLists.computeIfAbsent(require(entryItems, "items"), List::copyOf),
                stream);
    }

    private Timeline.Stream stream(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_OBJECT);
        String url = null;
        String name = null;
        Long sourceId = null;
        Long sessionId = null;
        Long epochMs = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            boolean nil = p.currentToken() == JsonToken.VALUE_NULL;
            switch (field) {
                case "url" -> url = text(p);
                case "name" -> name = nil ? null : text(p);
                case "sourceId" -> sourceId = nil ? null : number(p);
                case "liveSessionId" -> sessionId = nil ? null : number(p);
                case "epochMs" -> epochMs = nil ? null : number(p);
                default -> p.skipChildren();
            }
        }
        return new Timeline.Stream(require(url, "stream.url"), name, sourceId, sessionId, epochMs);
    }

    private List<Timeline.Item> items(JsonParser p) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Timeline.Item> out = new ArrayList<>(1);
        while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(item(p));
        }
        return out;
    }

    private Timeline.Item item(JsonParser p) throws IOException {
        String sha = null;
        String kind = null;
        String url = null;
        Long size = null;
        Long duration = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "sha256" -> sha = text(p);
                case "size" -> size = number(p);
                case "durationMs" -> duration = number(p);
                case "kind" -> kind = shared(text(p));
                case "url" -> url = text(p);
                default -> p.skipChildren();
            }
        }
        if (sha == null || !sha.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("bad sha256 " + sha);
        }
        Timeline.Item item = new Timeline.Item(sha, require(size, "size"), require(duration, "durationMs"),
                require(kind, "kind"), require(url, "url"));
        return items.computeIfAbsent(item.sha256() + ' ' + item.durationMs() + ' ' + item.kind() + ' ' + item.url(),
                k -> item);
    }

    private String shared(String s) {
        return names.computeIfAbsent(s, k -> k);
    }

    private static String text(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(p.currentName() + " must be a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException(p.currentName() + " must be a whole number");
        }
        return p.getLongValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + actual);
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }
}
