package vn.bantin.evidence.bundle;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.bantin.evidence.SignedRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An evidence bundle as {@code bundle.json}: UTF-8 JSON, two-space indented so a person can read it, fields
 * in a fixed order. The controller signs these exact bytes; a reader never re-serialises them.
 */
public final class BundleJson {

    private static final ObjectMapper WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectMapper READER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private BundleJson() {
    }

    public static byte[] toBytes(EvidenceBundle b) {
        ObjectNode root = WRITER.createObjectNode().put("format", b.format())
                .put("controllerPublicKey", b.controllerPublicKey()).put("createdAt", b.createdAt());
        root.putObject("period").put("from", b.fromMs()).put("to", b.toMs());
        ArrayNode endpoints = root.putArray("endpoints");
        for (EvidenceBundle.Endpoint e : b.endpoints()) {
            ObjectNode en = endpoints.addObject().put("endpointId", e.endpointId()).put("name", e.name());
            ArrayNode devices = en.putArray("devices");
            e.devices().forEach(d -> device(devices.addObject(), d));
        }
        try {
            return WRITER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void device(ObjectNode node, EvidenceBundle.Device d) {
        node.put("deviceId", d.deviceId()).put("publicKey", d.publicKey());
        if (d.anchor() == null) {
            node.putNull("anchor");
        } else {
            signed(node.putObject("anchor"), d.anchor());
        }
        ArrayNode records = node.putArray("records");
        d.records().forEach(r -> signed(records.addObject(), r));
        ArrayNode conflicts = node.putArray("conflicts");
        d.conflicts().forEach(a -> signed(conflicts.addObject().put("seq", a.seq()), a.record()));
        ArrayNode refused = node.putArray("refused");
        for (EvidenceBundle.Refused r : d.refused()) {
            ObjectNode item = refused.addObject();
            if (r.seq() == null) {
                item.putNull("seq");
            } else {
                item.put("seq", r.seq());
            }
            signed(item, r.record());
            item.put("code", r.code()).put("message", r.message());
        }
        ArrayNode notices = node.putArray("gapNotices");
        d.gapNotices().forEach(n -> signed(notices.addObject(), n));
    }

    private static void signed(ObjectNode node, SignedRecord r) {
        node.put("payload", r.payload()).put("sig", r.sig());
    }

    /** Reads bundle.json bytes; a missing or mistyped field is an {@link IllegalArgumentException} naming it. */
    public static EvidenceBundle parse(byte[] bytes) {
        JsonNode root;
        try {
            root = READER.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("bundle.json is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("bundle.json is not a JSON object");
        }
        List<EvidenceBundle.Endpoint> endpoints = new ArrayList<>();
        for (JsonNode e : array(root, "endpoints")) {
            List<EvidenceBundle.Device> devices = new ArrayList<>();
            for (JsonNode d : array(e, "devices")) {
                devices.add(device(d));
            }
            endpoints.add(new EvidenceBundle.Endpoint(number(e, "endpointId"), e.path("name").asText(null), devices));
        }
        JsonNode period = root.path("period");
        return new EvidenceBundle(text(root, "format"), text(root, "controllerPublicKey"), number(root, "createdAt"),
                number(period, "from"), number(period, "to"), endpoints);
    }

    private static EvidenceBundle.Device device(JsonNode d) {
        List<SignedRecord> records = new ArrayList<>();
        array(d, "records").forEach(r -> records.add(signed(r)));
        List<EvidenceBundle.Aside> conflicts = new ArrayList<>();
        array(d, "conflicts").forEach(a -> conflicts.add(new EvidenceBundle.Aside(number(a, "seq"), signed(a))));
        List<EvidenceBundle.Refused> refused = new ArrayList<>();
        array(d, "refused").forEach(r -> refused.add(new EvidenceBundle.Refused(
                r.path("seq").isIntegralNumber() ? r.path("seq").longValue() : null, signed(r),
                r.path("code").asText(null), r.path("message").asText(null))));
        List<SignedRecord> notices = new ArrayList<>();
        array(d, "gapNotices").forEach(n -> notices.add(signed(n)));
        JsonNode anchor = d.path("anchor");
        return new EvidenceBundle.Device(text(d, "deviceId"), text(d, "publicKey"),
                anchor.isObject() ? signed(anchor) : null, records, conflicts, refused, notices);
    }

    private static SignedRecord signed(JsonNode node) {
        return new SignedRecord(node.path("payload").isTextual() ? node.get("payload").textValue() : null,
                node.path("sig").isTextual() ? node.get("sig").textValue() : null);
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isArray()) {
            throw new IllegalArgumentException("bundle.json: \"" + field + "\" must be a list");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("bundle.json: \"" + field + "\" must be a string");
        }
        return value.textValue();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber()) {
            throw new IllegalArgumentException("bundle.json: \"" + field + "\" must be a whole number");
        }
        return value.longValue();
    }
}
