package vn.bantin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import vn.bantin.access.Role;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Management API calls from tests, over real HTTP on loopback. */
public final class HttpApi {

    public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), java.util.List.of()).stream().findFirst().orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    public HttpApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public HttpApi withoutToken() {
        return new HttpApi(baseUrl, null);
    }

    public String token() {
        return token;
    }

    /** The same API with another bearer token. */
    public HttpApi withToken(String other) {
        return new HttpApi(baseUrl, other);
    }

    /**
     * Acts as the given role over the subtree of {@code areaId} (null: every area), through a named API token
     * this client (an ADMIN) makes for the purpose.
     */
    public HttpApi as(Role role, Long areaId) {
        Answer made = post("/api/v1/tokens", new JsonObject().put("name", role + " in " + areaId + " " + System.nanoTime())
                .put("role", role.name()).put("areaId", areaId));
        if (made.status() != 201) {
            throw new IllegalStateException("cannot make a " + role + " token: " + made.status() + " " + made.body());
        }
        return withToken(made.json().getString("token"));
    }

    public Answer put(String path, Object json) {
        String body = json instanceof String s ? s : json.toString();
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Answer delete(String path) {
        return send(builder(path).DELETE().build());
    }

    public Answer get(String path) {
        return send(builder(path).GET().build());
    }

    public Answer post(String path, Object json) {
        String body = json instanceof String s ? s : json.toString();
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A download as exact bytes (exports: XLSX, PDF). */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> res = http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(path + ": " + res.statusCode() + " "
                        + new String(res.body(), StandardCharsets.UTF_8));
            }
            return res.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer upload(Path file, String fileName) {
        return upload(file, fileName, null);
    }

    /** A multipart upload with a display name typed beside the file (the form's "name" field), if not null. */
    public Answer upload(Path file, String fileName, String typedName) {
        try {
            String boundary = "b" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (typedName != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + typedName
                        + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(builder("/api/v1/assets").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads and approves a media file; returns the asset JSON. */
    public JsonObject approvedAsset(Path file) {
        Answer up = upload(file, file.getFileName().toString());
        if (up.status() >= 300) {
            throw new IllegalStateException("upload failed: " + up.status() + " " + up.body());
        }
        long id = up.json().getLong("id");
        post("/api/v1/assets/" + id + "/approve", "{}");
        return processed(id);
    }

    /** Waits until the asset's renditions are made (READY); throws if processing FAILED or takes over a minute. */
    public JsonObject processed(long assetId) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonObject asset = get("/api/v1/assets/" + assetId).json();
            String status = asset.getString("status");
            if ("READY".equals(status)) {
                return asset;
            }
            if ("FAILED".equals(status) || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("asset " + assetId + " not processed: " + asset.encode());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                    : "?" + request.uri().getRawQuery());
            ApiSpec.check(request.method(), path, res.statusCode(), res.headers().map(),
                    res.body().getBytes(StandardCharsets.UTF_8));
            return new Answer(res.statusCode(), res.body(), res.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
