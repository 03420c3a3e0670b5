package vn.bantin.http.api;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import vn.bantin.app.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The headers of the tus 1.0 resumable upload protocol (core, creation and termination), which the web UI's
 * upload library speaks: the upload's length and name at creation, the offset of each appended body.
 */
final class TusHeaders {

    static final String VERSION = "1.0.0";
    static final String RESUMABLE = "Tus-Resumable";
    static final String LENGTH = "Upload-Length";
    static final String OFFSET = "Upload-Offset";
    static final String CONTENT_TYPE = "application/offset+octet-stream";

    private TusHeaders() {
    }

    /** Whether a creation request speaks tus (it gives the length in a header, not in a JSON body). */
    static boolean creation(HttpServerRequest req) {
        return req.getHeader(LENGTH) != null;
    }

    static long length(HttpServerRequest req) {
        return number(req.getHeader(LENGTH), LENGTH);
    }

    /** The claimed start of a PATCH body; tus requires it, with its own content type. */
    static long offset(HttpServerRequest req) {
        String type = req.getHeader("Content-Type");
        if (type == null || !type.trim().toLowerCase().startsWith(CONTENT_TYPE)) {
            throw new ApiException(415, "bad_content_type", "Nội dung phải có kiểu " + CONTENT_TYPE
                    + " / The body must be sent as " + CONTENT_TYPE);
        }
        String offset = req.getHeader(OFFSET);
        if (offset == null) {
            throw ApiException.badRequest("bad_offset", "Thiếu Upload-Offset / Upload-Offset is required");
        }
        return number(offset, OFFSET);
    }

    /** Upload-Metadata: comma-separated "key base64(value)" pairs; "filename" names the file. */
    static Map<String, String> metadata(HttpServerRequest req) {
        Map<String, String> out = new HashMap<>();
        String raw = req.getHeader("Upload-Metadata");
        if (raw == null || raw.isBlank()) {
            return out;
        }
        for (String pair : raw.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            try {
                out.put(kv[0], kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].trim()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bad_metadata", "Upload-Metadata có giá trị không phải base64"
                        + " / Upload-Metadata holds a value that is not base64");
            }
        }
        return out;
    }

    static HttpServerResponse answer(HttpServerResponse res, long offset) {
        return res.putHeader(RESUMABLE, VERSION).putHeader(OFFSET, String.valueOf(offset))
                .putHeader("Cache-Control", "no-store");
    }

    private static long number(String raw, String header) {
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("bad_" + header.toLowerCase().replace('-', '_'), header
                + " phải là số không âm / " + header + " must be a whole number");
    }
}
