package vn.bantin.http;

import vn.bantin.app.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/** Reads request JSON, turning every malformed or missing field into a 400 that names it. */
public final class JsonInput {

    private final JsonObject json;

    private JsonInput(JsonObject json) {
        this.json = json;
    }

    public static JsonInput of(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw ApiException.badRequest("bad_json", "Thiếu nội dung JSON / JSON body required");
            }
            return new JsonInput(body);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.badRequest("bad_json", "Nội dung không phải JSON hợp lệ / Body is not valid JSON");
        }
    }

    public static JsonInput wrap(JsonObject json) {
        return new JsonInput(json == null ? new JsonObject() : json);
    }

    public JsonObject raw() {
        return json;
    }

    public String requiredString(String field) {
        String v = optionalString(field);
        if (v == null || v.isBlank()) {
            throw missing(field);
        }
        return v.trim();
    }

    public String optionalString(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw wrongType(field, "a string");
        }
        return s;
    }

    public Long optionalLong(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw wrongType(field, "a whole number");
        }
        return n.longValue();
    }

    public Double optionalDouble(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n)) {
            throw wrongType(field, "a number");
        }
        return n.doubleValue();
    }

    public long requiredLong(String field) {
        Long v = optionalLong(field);
        if (v == null) {
            throw missing(field);
        }
        return v;
    }

    public List<String> stringList(String field) {
        List<String> out = new ArrayList<>();
        for (Object o : array(field)) {
            if (!(o instanceof String s)) {
                throw wrongType(field, "a list of strings");
            }
            out.add(s);
        }
        return out;
    }

    public List<Long> longList(String field) {
        List<Long> out = new ArrayList<>();
        for (Object o : array(field)) {
            if (!(o instanceof Number n)) {
                throw wrongType(field, "a list of ids");
            }
            out.add(n.longValue());
        }
        return out;
    }

    public List<JsonInput> objects(String field) {
        List<JsonInput> out = new ArrayList<>();
        for (Object o : array(field)) {
            if (!(o instanceof JsonObject obj)) {
                throw wrongType(field, "a list of objects");
            }
            out.add(new JsonInput(obj));
        }
        return out;
    }

    public JsonInput object(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject obj)) {
            throw wrongType(field, "an object");
        }
        return new JsonInput(obj);
    }

    private JsonArray array(String field) {
        Object v = json.getValue(field);
        if (v == null) {
            return new JsonArray();
        }
        if (!(v instanceof JsonArray a)) {
            throw wrongType(field, "a list");
        }
        return a;
    }

    private static ApiException missing(String field) {
        return ApiException.badRequest("missing_field", "Thiếu trường '" + field + "' / Field '" + field
                + "' is required");
    }

    private static ApiException wrongType(String field, String expected) {
        return ApiException.badRequest("bad_field", "Trường '" + field + "' sai kiểu / Field '" + field
                + "' must be " + expected);
    }
}
