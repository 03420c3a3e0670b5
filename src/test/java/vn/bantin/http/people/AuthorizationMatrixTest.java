package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Permission;
import vn.bantin.access.Role;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the OpenAPI document: every /api/v1 operation × every role (a token over commune A) × an
 * object in commune A and one in commune B. A role the operation's declared permission does not allow gets
 * 403 and changes nothing; an allowed role gets 404 for B's object and changes nothing, and for A's object
 * anything but 401/403/404/5xx (404 is fine for a collection: the document's example body may name ids
 * outside commune A). An operation without a declared permission, or naming a kind of object this
 * test cannot make, fails it: add the permission on the route, and a fixture below.
 */
@DisplayName("Authorisation matrix from the OpenAPI document: operation × role × in/out-of-scope object")
class AuthorizationMatrixTest {

    /** Management state a refused call must leave as it was (tables written asynchronously are left out). */
    private static final List<String> STATE = List.of("SELECT * FROM area", "SELECT * FROM endpoint",
            "SELECT * FROM endpoint_tag", "SELECT * FROM enrollment_code", "SELECT * FROM asset",
            "SELECT * FROM campaign", "SELECT * FROM campaign_item", "SELECT * FROM campaign_slot",
            "SELECT * FROM campaign_target", "SELECT * FROM alert", "SELECT * FROM alert_target",
            "SELECT * FROM approval_step", "SELECT * FROM area_policy", "SELECT * FROM upload_session",
            "SELECT id, username, display_name, password_hash, role, area_id, disabled FROM app_user",
            "SELECT id, name, role, area_id, revoked_at FROM api_token",
            "SELECT id, endpoint_id, kind, args, status, screenshot_bytes FROM endpoint_command");

    @TempDir
    static Path dir;
    static TestController controller;
    static HttpApi admin;
    static long areaA;
    static long areaB;
    static final Map<Role, String> TOKENS = new EnumMap<>(Role.class);
    static final Map<Long, HttpApi> EDITOR = new java.util.HashMap<>();
    static final Map<Long, Long> ASSET = new java.util.HashMap<>();
    static final Map<Long, Long> JOB = new java.util.HashMap<>();
    /** Per area: an enrolled screen and a screenshot command its agent answered with a picture. */
    static final Map<Long, long[]> COMMAND = new java.util.HashMap<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        admin = controller.api();
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh")).json().getLong("id");
        areaA = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã A").put("parentId", province)).json()
                .getLong("id");
        areaB = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã B").put("parentId", province)).json()
                .getLong("id");
        for (Role role : Role.values()) {
            HttpApi as = controller.as(role, areaA);
            TOKENS.put(role, as.token());
        }
        Path tone = Ffmpeg.tone(dir, "tone.wav", 1);
        for (long area : new long[] {areaA, areaB}) {
            HttpApi editor = controller.as(Role.EDITOR, area);
            EDITOR.put(area, editor);
            long asset = editor.upload(tone, "tone-" + area + ".wav").json().getLong("id");
            editor.processed(asset);
            admin.post("/api/v1/assets/" + asset + "/approve", "{}");
            ASSET.put(area, asset);
            JOB.put(area, editor.get("/api/v1/jobs").array().getJsonObject(0).getLong("id"));
        }
        // the shared assets stay in use, so an allowed DELETE is refused (409) and later fixtures still have them
        fixture("campaigns", areaA);
        fixture("campaigns", areaB);
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    /** A fresh object of the kind a path names, owned by {@code area}. */
    private static long fixture(String kind, long area) {
        LongSupplier make = switch (kind) {
            case "areas" -> () -> admin.post("/api/v1/areas", new JsonObject().put("name", "Thôn").put("parentId", area))
                    .json().getLong("id");
            case "endpoints" -> () -> admin.post("/api/v1/endpoints", new JsonObject().put("name", "Loa")
                    .put("kind", "SPEAKER").put("areaId", area)).json().getLong("id");
            case "assets" -> () -> ASSET.get(area);
            case "jobs" -> () -> JOB.get(area);
            case "campaigns" -> () -> EDITOR.get(area).post("/api/v1/campaigns", new JsonObject().put("name", "Bản tin")
                    .put("startDate", LocalDate.now().toString()).put("endDate", LocalDate.now().plusDays(3).toString())
                    .put("playlist", new JsonArray().add(new JsonObject().put("assetId", ASSET.get(area))))
                    .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "0 6 * * *")))
                    .put("targets", new JsonObject().put("areas", new JsonArray().add(area)))).json().getLong("id");
            case "alerts" -> () -> controller.as(Role.OPERATOR, area).post("/api/v1/alerts", new JsonObject()
                    .put("title", "Thử").put("audioAssetId", ASSET.get(area))
                    .put("targets", new JsonObject().put("areas", new JsonArray().add(area)))).json().getLong("id");
            case "live-sessions" -> () -> controller.as(Role.OPERATOR, area).post("/api/v1/live-sessions",
                    new JsonObject().put("title", "Thử micro").put("targets", new JsonObject()
                            .put("areaIds", new JsonArray().add(area)))).json().getLong("id");
            case "users" -> () -> admin.post("/api/v1/users", new JsonObject().put("username", "u" + System.nanoTime())
                    .put("role", "VIEWER").put("areaId", area)).json().getLong("id");
            case "sources" -> () -> EDITOR.get(area).post("/api/v1/sources", new JsonObject().put("name", "Đài tỉnh")
                    .put("url", "http://127.0.0.1:9/tinh.mp3")).json().getLong("id");
            case "tokens" -> () -> admin.post("/api/v1/tokens", new JsonObject().put("name", "t").put("role", "VIEWER")
                    .put("areaId", area)).json().getLong("id");
            default -> throw new AssertionError("no fixture for /api/v1/" + kind + "/{id}: add one to "
                    + AuthorizationMatrixTest.class.getSimpleName());
        };
        return make.getAsLong();
    }

    private static String fixturePath(String template, long area) {
        if (!template.contains("{id}")) {
            return template;
        }
        if (template.contains("{commandId}")) {
            long[] ids = COMMAND.computeIfAbsent(area, AuthorizationMatrixTest::answeredScreenshot);
            return template.replace("{id}", String.valueOf(ids[0])).replace("{commandId}", String.valueOf(ids[1]));
        }
        String kind = template.split("/")[3];
        if (kind.equals("uploads")) {
            return template.replace("{id}", EDITOR.get(area).post("/api/v1/uploads", new JsonObject().put("name", "a.wav")
                    .put("size", 10)).json().getString("id"));
        }
        long id = fixture(kind, area);
        String path = template.replace("{id}", String.valueOf(id));
        if (path.contains("{slotId}")) {
            path = path.replace("{slotId}", String.valueOf(admin.get("/api/v1/campaigns/" + id).json()
                    .getJsonArray("slots").getJsonObject(0).getLong("id")));
        }
        if (path.contains("{ref}")) {
            path = path.replace("{ref}", admin.post("/api/v1/areas/" + id + "/enrollment-codes", new JsonObject())
                    .json().getString("ref"));
        }
        return path;
    }

    private static long[] answeredScreenshot(long area) {
        long endpoint = admin.post("/api/v1/endpoints", new JsonObject().put("name", "Màn hình").put("kind", "SCREEN")
                .put("areaId", area)).json().getLong("id");
        String code = admin.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
        SignedAgent agent = new SignedAgent(controller.baseUrl());
        agent.enroll("SCREEN", code);
        long command = admin.post("/api/v1/endpoints/" + endpoint + "/commands", new JsonObject().put("kind", "SCREENSHOT"))
                .json().getLong("id");
        byte[] png;
        try {
            png = java.nio.file.Files.readAllBytes(Path.of("media/demo/infographic-binh-dan-hoc-vu-so.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String path = "/agent/v1/commands/" + command + "/screenshot";
        Map<String, String> headers = agent.sign("POST", path, png, System.currentTimeMillis());
        headers.put("Content-Type", "image/png");
        agent.send("POST", path, png, headers);
        return new long[] {endpoint, command};
    }

    /** The status as soon as the answer's head arrives: event streams never end, and need not. */
    private static int call(String method, String path, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(controller.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<Integer> status = new CompletableFuture<>();
        CompletableFuture<?> response = HTTP.sendAsync(request, head -> {
            status.complete(head.statusCode());
            return HttpResponse.BodySubscribers.discarding();
        });
        try {
            return status.get(30, TimeUnit.SECONDS);
        } finally {
            response.cancel(true);
        }
    }

    private static String state() throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(controller.config().jdbcUrl(), "SA", "");
             Statement s = c.createStatement()) {
            for (String query : STATE) {
                try (ResultSet rs = s.executeQuery(query + " ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private static JsonObject document() {
        return vn.bantin.support.ApiSpec.document();
    }

    private static String exampleBody(JsonObject operation) {
        JsonObject json = operation.getJsonObject("requestBody", new JsonObject()).getJsonObject("content",
                new JsonObject()).getJsonObject("application/json");
        Object example = json == null ? null : json.getValue("example");
        return example == null ? "{}" : example.toString();
    }

    @Test
    @DisplayName("refused roles get 403 and change nothing; other communes' objects are 404 and change nothing")
    void matrix() throws Exception {
        Map<String, Permission> declared = controller.controller().permissions().byOperation();
        JsonObject paths = document().getJsonObject("paths");
        List<String> failures = new ArrayList<>();
        int checks = 0;
        for (String template : paths.fieldNames()) {
            if (!template.startsWith("/api/v1/")) {
                continue;
            }
            for (String m : paths.getJsonObject(template).fieldNames()) {
                String method = m.toUpperCase();
                String operation = method + " " + template;
                Permission permission = declared.get(operation);
                if (permission == null) {
                    failures.add(operation + ": no declared permission");
                    continue;
                }
                if (permission == Permission.PUBLIC) {
                    continue;
                }
                String body = method.equals("GET") || method.equals("HEAD") || method.equals("DELETE") ? null
                        : exampleBody(paths.getJsonObject(template).getJsonObject(m));
                for (Role role : Role.values()) {
                    boolean allowed = permission.allows(role);
                    for (long area : template.contains("{id}") ? new long[] {areaA, areaB} : new long[] {areaA}) {
                        String path = fixturePath(template, area);
                        String before = allowed && area == areaA ? null : state();
                        int status = call(method, path, body, TOKENS.get(role));
                        checks++;
                        String what = operation + " as " + role + (area == areaA ? " (own area)" : " (other commune)");
                        if (!allowed && status != 403) {
                            failures.add(what + ": expected 403, got " + status);
                        } else if (allowed && area == areaB && status != 404) {
                            failures.add(what + ": expected 404, got " + status);
                        } else if (allowed && area == areaA && (status == 401 || status == 403 || status >= 500
                                || status == 404 && template.contains("{id}"))) {
                            failures.add(what + ": allowed, got " + status);
                        }
                        if (before != null && !before.equals(state())) {
                            failures.add(what + ": refused (" + status + ") but the state changed");
                        }
                    }
                }
            }
        }
        assertThat(failures).as(checks + " checks").isEmpty();
        assertThat(checks).isGreaterThan(300);
    }
}
