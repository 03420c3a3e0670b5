package vn.bantin.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;

import java.util.List;
import java.util.Map;

/**
 * The document as Vert.x's OpenAPI validator can load it. It accepts only JSON, multipart, octet-stream and
 * plain-text media types, so the served document's other ones (PNG thumbnails, CSV exports, event streams, audio
 * and video) are left out of this copy: the validator never reads those bodies, and everything else stays as
 * written. Request bodies other than JSON (multipart uploads, upload chunks) are streamed by their routes, which
 * check them; they are dropped from this copy. Two more things the validator gets wrong are left out: response
 * header schemas (it cannot read a string holding a quote, like {@code Bearer realm="bantin"}) and the
 * {@code format} of a nullable value (it applies {@code int64} or {@code date-time} to {@code null} too).
 */
final class ValidatorView {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private ValidatorView() {
    }

    static JsonObject of(JsonObject document) {
        JsonObject copy = document.copy();
        dropNullableFormats(copy);
        JsonObject shared = copy.getJsonObject("components").getJsonObject("responses", new JsonObject());
        shared.forEach(r -> ((JsonObject) r.getValue()).remove("headers"));
        for (Map.Entry<String, Object> path : copy.getJsonObject("paths")) {
            JsonObject item = (JsonObject) path.getValue();
            for (String method : METHODS) {
                JsonObject operation = item.getJsonObject(method);
                if (operation != null) {
                    trim(operation);
                }
            }
        }
        return copy;
    }

    private static void trim(JsonObject operation) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body != null && body.getJsonObject("content") != null && !bufferedJson(body.getJsonObject("content"))) {
            operation.remove("requestBody");
        }
        JsonObject responses = operation.getJsonObject("responses", new JsonObject());
        for (Map.Entry<String, Object> response : responses) {
            if (response.getValue() instanceof JsonObject r) {
                r.remove("headers");
                if (r.getJsonObject("content") != null) {
                    supportedOnly(r.getJsonObject("content"));
                }
            }
        }
    }

    private static void dropNullableFormats(Object node) {
        if (node instanceof JsonObject o) {
            if (o.getValue("type") instanceof JsonArray types && types.contains("null")) {
                o.remove("format");
            }
            o.forEach(e -> dropNullableFormats(e.getValue()));
        } else if (node instanceof JsonArray a) {
            a.forEach(ValidatorView::dropNullableFormats);
        }
    }

    /** Only JSON bodies are read before the validator; the routes stream uploads themselves and check them. */
    private static boolean bufferedJson(JsonObject content) {
        return content.fieldNames().stream().anyMatch(type -> type.startsWith(MediaType.APPLICATION_JSON));
    }

    /** Removes the media types the validator does not know; true when none is left. */
    private static boolean supportedOnly(JsonObject content) {
        content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
        return content.isEmpty();
    }
}
