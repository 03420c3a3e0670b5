package vn.bantin.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A plain client of the management API, as any integrator would write one: a bearer token or a signed-in person. */
final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = headers;
    }

    static ApiClient withToken(String baseUrl, String token) {
        return new ApiClient(baseUrl, Map.of("Authorization", "Bearer " + token));
    }

    /** The same API as that person, through a browser session (cookie and CSRF token), as the web UI does. */
    ApiClient signedIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("username", username).put("password", password).encode())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() != 200) {
            throw new IOException("sign-in as " + username + " -> " + res.statusCode() + ": " + res.body());
        }
        String cookie = res.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new ApiClient(baseUrl, Map.of("Cookie", cookie,
                "X-CSRF-Token", new JsonObject(res.body()).getString("csrfToken")));
    }

    JsonObject post(String path, JsonObject body) throws IOException, InterruptedException {
        return new JsonObject(send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Content-Type", "application/json").build()));
    }

    JsonArray getArray(String path) throws IOException, InterruptedException {
        return new JsonArray(send(request(path).GET().build()));
    }

    JsonObject upload(Path file) throws IOException, InterruptedException {
        String boundary = "bantin-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new JsonObject(send(request("/api/v1/assets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path));
        headers.forEach(b::header);
        return b;
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() >= 300) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " -> " + res.statusCode() + ": "
                    + res.body());
        }
        return res.body();
    }
}
