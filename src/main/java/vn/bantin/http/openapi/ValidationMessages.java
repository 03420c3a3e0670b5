package vn.bantin.http.openapi;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import vn.bantin.app.ApiException;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what the OpenAPI validator found into the house's 400: Vietnamese, then English, naming the field. */
final class ValidationMessages {

    private static final Set<String> COMBINATORS = Set.of("properties", "items", "prefixItems", "allOf", "anyOf",
            "oneOf", "not", "if", "then", "else", "$ref", "additionalProperties", "unevaluatedProperties");
    private static final Pattern PARAMETER = Pattern.compile("(path|query|header|cookie) parameter (\\S+) is invalid");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern LIMIT = Pattern.compile("> ?(\\d+)\\)|< ?(\\d+)\\)");

    private ValidationMessages() {
    }

    static ApiException of(ValidatorException e) {
        if (!(e instanceof SchemaValidationException s) || s.getOutputUnit() == null) {
            return plain(e);
        }
        OutputUnit error = leaf(s.getOutputUnit());
        Matcher param = PARAMETER.matcher(e.getMessage());
        String field = param.find() ? param.group(2) + location(error.getInstanceLocation(), "")
                : location(error.getInstanceLocation(), null);
        String keyword = keyword(error.getKeywordLocation());
        String english = error.getError();
        return switch (keyword) {
            case "required" -> missing(join(field, quoted(english)));
            case "maxLength" -> ApiException.badRequest("too_long", "Trường '" + field + "' dài quá " + limit(english)
                    + " ký tự / Field '" + field + "' is longer than " + limit(english) + " characters");
            case "maxItems" -> ApiException.badRequest("too_many", "Trường '" + field + "' có quá nhiều mục / Field '"
                    + field + "': " + english);
            case "enum" -> ApiException.badRequest("bad_field", "Trường '" + field + "' phải là một trong "
                    + choices(english) + " / Field '" + field + "' must be one of " + choices(english));
            case "format" -> ApiException.badRequest("bad_field", "Trường '" + field + "' phải là " + format(english, true)
                    + " / Field '" + field + "' must be " + format(english, false));
            case "type" -> ApiException.badRequest("bad_field", "Trường '" + field + "' sai kiểu / Field '" + field
                    + "': " + english);
            default -> ApiException.badRequest("bad_field", "Trường '" + field + "' không hợp lệ / Field '" + field
                    + "' is invalid: " + english);
        };
    }

    private static ApiException plain(ValidatorException e) {
        return switch (e.type()) {
            case MISSING_REQUIRED_PARAMETER -> e.getMessage().contains("body")
                    ? ApiException.badRequest("bad_json", "Thiếu nội dung JSON / JSON body required")
                    : ApiException.badRequest("missing_field", "Thiếu tham số / Missing parameter: " + e.getMessage());
            case ILLEGAL_VALUE, INVALID_VALUE_FORMAT -> ApiException.badRequest("bad_json",
                    "Nội dung không phải JSON hợp lệ / Body is not valid JSON");
            case UNSUPPORTED_VALUE_FORMAT -> ApiException.badRequest("unsupported_media_type",
                    "Kiểu nội dung không được hỗ trợ (cần application/json) / Unsupported content type (application/json"
                            + " expected)");
            default -> ApiException.badRequest("bad_request", "Yêu cầu không hợp lệ / Bad request: " + e.getMessage());
        };
    }

    /** A parameter the validator could not decode at all. */
    static ApiException undecodable(ValidatorException e) {
        return ApiException.badRequest("bad_field", "Tham số không đọc được (ký tự % hoặc mã hóa sai) / A parameter"
                + " cannot be decoded (a stray % or a wrong encoding): " + e.getMessage());
    }

    private static ApiException missing(String field) {
        return ApiException.badRequest("missing_field", "Thiếu trường '" + field + "' / Field '" + field
                + "' is required");
    }

    /** The most specific error: the first one that is not only a summary of the errors under it. */
    private static OutputUnit leaf(OutputUnit root) {
        List<OutputUnit> errors = root.getErrors() == null || root.getErrors().isEmpty() ? List.of(root)
                : root.getErrors();
        return errors.stream().filter(u -> !COMBINATORS.contains(keyword(u.getKeywordLocation()))).findFirst()
                .orElse(errors.get(errors.size() - 1));
    }

    private static String keyword(String keywordLocation) {
        return keywordLocation == null ? "" : keywordLocation.substring(keywordLocation.lastIndexOf('/') + 1);
    }

    /** JSON pointer "/targets/areas/0" → "targets.areas.0"; the root is the prefix (a parameter name) or "body". */
    private static String location(String pointer, String root) {
        String path = pointer == null ? "" : pointer.replaceFirst("^#", "").replaceFirst("^/", "").replace('/', '.');
        if (root == null) {
            return path.isEmpty() ? "body" : path;
        }
        return path.isEmpty() ? root : "." + path;
    }

    private static String join(String parent, String child) {
        return parent.equals("body") ? child : parent + "." + child;
    }

    private static String quoted(String message) {
        Matcher m = QUOTED.matcher(message);
        return m.find() ? m.group(1) : message;
    }

    /** The format the validator names ("date", "date-time", "uuid"...) as a person reads it. */
    private static String format(String message, boolean vietnamese) {
        String name = quoted(message);
        return switch (name) {
            case "date" -> vietnamese ? "ngày dạng YYYY-MM-DD" : "a date YYYY-MM-DD";
            case "date-time" -> vietnamese ? "thời điểm ISO 8601 (2026-09-02T07:00:00+07:00)"
                    : "an ISO 8601 instant (2026-09-02T07:00:00+07:00)";
            default -> vietnamese ? "dạng " + name : "a " + name;
        };
    }

    /** "Instance does not match any of [\"json\",\"csv\"]" → "json, csv". */
    private static String choices(String message) {
        int open = message.indexOf('[');
        return open < 0 ? message : message.substring(open + 1, message.lastIndexOf(']')).replace("\"", "")
                .replace(",", ", ");
    }

    private static String limit(String message) {
        Matcher m = LIMIT.matcher(message);
        return !m.find() ? "?" : m.group(1) != null ? m.group(1) : m.group(2);
    }
}
