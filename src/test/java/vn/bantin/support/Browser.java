package vn.bantin.support;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser signed in (or not) to the management API: it keeps the session cookie the controller set and
 * sends the CSRF token on unsafe requests, as the web UI does; {@code withoutCsrf()} forgets to.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private String cookie;
    private String csrf;
    private boolean sendCsrf = true;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Signs in; the answer is the controller's (200 with user and csrfToken, 401, 429). */
    public HttpApi.Answer login(String username, String password) {
        HttpApi.Answer a = send("POST", "/api/v1/session", new JsonObject().put("username", username)
                .put("password", password).encode());
        String setCookie = a.header("Set-Cookie");
        if (a.status() == 200 && setCookie != null) {
            cookie = setCookie.split(";", 2)[0];
            csrf = a.json().getString("csrfToken");
        }
        return a;
    }

    /** Signs in or fails the test. */
    public Browser signedIn(String username, String password) {
        HttpApi.Answer a = login(username, password);
        if (a.status() != 200) {
            throw new IllegalStateException("sign-in failed: " + a.status() + " " + a.body());
        }
        return this;
    }

    public Browser withoutCsrf() {
        sendCsrf = false;
        return this;
    }

    public String cookie() {
        return cookie;
    }

    /** The session's CSRF token, as the page holds it. */
    public String csrf() {
        return csrf;
    }

    public HttpApi.Answer get(String path) {
        return send("GET", path, null);
    }

    public HttpApi.Answer post(String path, Object json) {
        return send("POST", path, json.toString());
    }

    public HttpApi.Answer delete(String path) {
        return send("DELETE", path, null);
    }

    private HttpApi.Answer send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null && sendCsrf && !method.equals("GET")) {
            b.header("X-CSRF-Token", csrf);
        }
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new HttpApi.Answer(res.statusCode(), res.body(), res.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
