package vn.bantin.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of JSON Schema 2020-12 our contract schemas use (type, required, properties, items, enum,
 * pattern, minimum, maximum, minLength, maxLength, minItems, $ref to local or sibling files), so the
 * examples can be checked without adding a validator dependency. Unknown keywords are ignored.
 */
final class MiniSchemaValidator {

    private final Path dir;
    private final Map<String, JsonNode> files = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    MiniSchemaValidator(Path dir) {
        this.dir = dir;
    }

    /** Problems found, as "path: message"; empty when the instance is valid. */
    List<String> validate(String schemaFile, JsonNode instance) {
        List<String> problems = new ArrayList<>();
        check(schemaFile, file(schemaFile), instance, "$", problems);
        return problems;
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(name, n -> {
            try {
                return json.readTree(dir.resolve(n).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void check(String file, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash > 0 ? ref.substring(0, hash) : file;
            check(target, file(target).at(ref.substring(hash + 1)), value, at, problems);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(at + ": expected type " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            checkText(schema, value.textValue(), at, problems);
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                problems.add(at + ": below minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                problems.add(at + ": above maximum " + schema.get("maximum"));
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    problems.add(at + ": missing required \"" + name.asText() + "\"");
                }
            });
            schema.path("properties").fields().forEachRemaining(property -> {
                if (value.has(property.getKey())) {
                    check(file, property.getValue(), value.get(property.getKey()), at + "." + property.getKey(), problems);
                }
            });
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(at + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(file, schema.get("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
        }
    }

    private static void checkText(JsonNode schema, String text, String at, List<String> problems) {
        if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
            problems.add(at + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
        }
        if (schema.has("minLength") && text.codePointCount(0, text.length()) < schema.get("minLength").asInt()) {
            problems.add(at + ": shorter than " + schema.get("minLength"));
        }
        if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
            problems.add(at + ": longer than " + schema.get("maxLength"));
        }
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (typeMatches(one, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }
}
