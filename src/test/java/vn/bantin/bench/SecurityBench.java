package vn.bantin.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.Controller;
import vn.bantin.config.ConfigLoader;
import vn.bantin.http.api.BareRoutes;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sign-in cost and authorisation overhead (ops/bench/security), on the real controller started here with
 * every check it has in production (OpenAPI request validation included).
 * (a) One password sign-in (Argon2id at the configured cost), median of 10 after warm-up, beside a
 * GET /api/v1/session on the same session (the request without the hashing).
 * (b) Throughput of listing 200 endpoints (10 communes), alternating rounds of: GET /api/v1/endpoints as a
 * province EDITOR on a browser session (session lookup, role gate, area subtree, OpenAPI validation, audit
 * and security-header handlers); the same with a named API token of that role and area; the same with the
 * configured admin token (full scope); and the baseline,
 * the same service, JSON and paging with all of that off ({@link BareRoutes}, same process, same data); each
 * round runs the four for one second each in a turning order, after warm-up rounds that are not counted.
 * The ratio is the median of the rounds' own ratios (with its quartiles): a round's two sides run a second
 * apart, so a load swing on the shared machine moves both, and a few disturbed rounds do not move the median.
 * The load clients send plain requests and only read the answer (no client-side schema checking).
 * Argument: a work dir holding admin.token; the controller's data goes under it.
 */
public final class SecurityBench {

    private static final int ENDPOINTS = 200;
    private static final int COMMUNES = 10;
    private static final int THREADS = 4;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 21;
    private static final long SLICE_MS = 1_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SecurityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        String token = Files.readString(work.resolve("admin.token")).strip();
        Vertx vertx = Vertx.vertx();
        Controller controller = Controller.start(vertx, ConfigLoader.fromProperties(Map.of(
                ConfigLoader.DATA_DIR, work.resolve("data").toString(), ConfigLoader.HTTP_HOST, "127.0.0.1",
                ConfigLoader.HTTP_PORT, "0", ConfigLoader.ADMIN_TOKEN_FILE, work.resolve("admin.token").toString())))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            HttpServer bare = BareRoutes.start(vertx, controller.services()).toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            run("http://127.0.0.1:" + controller.port(), token, "http://127.0.0.1:" + bare.actualPort());
        } finally {
            controller.stop();
        }
        // the bench is its own process: at load 20-40 on 2 cores Vert.x worker threads were still alive after
        // controller.stop() and kept the JVM up until the script's timeout failed a finished run
        System.exit(0);
    }

    private static void run(String base, String token, String bareBase) throws Exception {
        HttpApi admin = new HttpApi(base, token);
        long province = seed(admin);
        String password = admin.post("/api/v1/users", new JsonObject().put("username", "bench.editor")
                .put("role", "EDITOR").put("areaId", province)).json().getString("password");
        Browser browser = new Browser(base);
        double loginMs = medianMs(15, 5, () -> browser.login("bench.editor", password).status());
        double sessionMs = medianMs(15, 5, () -> browser.get("/api/v1/session").status());

        HttpRequest asEditor = HttpRequest.newBuilder(URI.create(base + "/api/v1/endpoints?limit=1000"))
                .header("Cookie", browser.cookie()).build();
        String apiToken = admin.post("/api/v1/tokens", new JsonObject().put("name", "bench integration")
                .put("role", "EDITOR").put("areaId", province)).json().getString("token");
        HttpRequest asApiToken = HttpRequest.newBuilder(URI.create(base + "/api/v1/endpoints?limit=1000"))
                .header("Authorization", "Bearer " + apiToken).build();
        HttpRequest asAdminToken = HttpRequest.newBuilder(URI.create(base + "/api/v1/endpoints?limit=1000"))
                .header("Authorization", "Bearer " + token).build();
        HttpRequest bare = HttpRequest.newBuilder(URI.create(bareBase + "/bare/endpoints?limit=1000")).build();
        List<HttpRequest> ways = List.of(asEditor, asApiToken, asAdminToken, bare);
        for (HttpRequest r : ways) {
            int size = new JsonArray(new String(send(r).body(), StandardCharsets.UTF_8)).size();
            if (size != ENDPOINTS) {
                throw new IllegalStateException("every way must answer the same " + ENDPOINTS + " endpoints: " + size
                        + " from " + r.uri());
            }
        }
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        String loadBefore = loadAverage();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (HttpRequest r : ways) {
                throughput(clients, r);
            }
        }
        List<Double> withAuth = new ArrayList<>();
        List<Double> namedToken = new ArrayList<>();
        List<Double> adminToken = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> tokenRatios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            // the order turns each round, so a machine whose load drifts favours no side
            double[] rps = new double[ways.size()];
            for (int k = 0; k < ways.size(); k++) {
                int way = (round + k) % ways.size();
                rps[way] = throughput(clients, ways.get(way));
            }
            System.out.printf(Locale.ROOT, "round %d: session %.1f, API token %.1f, admin token %.1f, baseline %.1f"
                    + " req/s, ratio %.3f%n", round, rps[0], rps[1], rps[2], rps[3], rps[3] / rps[0]);
            withAuth.add(rps[0]);
            namedToken.add(rps[1]);
            adminToken.add(rps[2]);
            baseline.add(rps[3]);
            ratios.add(rps[3] / rps[0]);
            tokenRatios.add(rps[3] / rps[1]);
        }
        clients.shutdown();
        System.out.printf(Locale.ROOT, "load average before the rounds %s, after %s%n", loadBefore, loadAverage());
        print("security.login_ms", loginMs, "ms");
        print("security.login_baseline_session_get_ms", sessionMs, "ms");
        print("security.endpoints_list_rps_with_auth", median(withAuth), "req/s");
        print("security.endpoints_list_rps_api_token", median(namedToken), "req/s");
        print("security.endpoints_list_rps_admin_token", median(adminToken), "req/s");
        print("security.endpoints_list_rps_baseline", median(baseline), "req/s");
        print("security.authz_overhead_ratio", median(ratios), "ratio");
        print("security.authz_overhead_ratio_q1", quantile(ratios, 0.25), "ratio");
        print("security.authz_overhead_ratio_q3", quantile(ratios, 0.75), "ratio");
        print("security.authz_overhead_ratio_api_token", median(tokenRatios), "ratio");
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.round(q * (sorted.size() - 1)));
    }

    private static double median(List<Double> values) {
        return quantile(values, 0.5);
    }

    /** 200 endpoints in 10 communes of a new province; answers the province. */
    private static long seed(HttpApi admin) {
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh (bench)")).json().getLong("id");
        for (int i = 0; i < COMMUNES; i++) {
            long commune = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã " + i).put("parentId", province))
                    .json().getLong("id");
            for (int e = 0; e < ENDPOINTS / COMMUNES; e++) {
                admin.post("/api/v1/endpoints", new JsonObject().put("name", "Loa " + i + "." + e).put("kind", "SPEAKER")
                        .put("areaId", commune).put("tags", new JsonArray().add("loa")));
            }
        }
        return province;
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> res = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (res.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " → " + res.statusCode());
            }
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double medianMs(int runs, int warmUp, Supplier<Integer> call) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            int status = call.get();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (status != 200) {
                throw new IllegalStateException("status " + status);
            }
            if (i >= warmUp) {
                times.add(ms);
            }
        }
        return median(times);
    }

    /** Requests per second over one slice, THREADS clients each sending one request after another. */
    private static double throughput(ExecutorService clients, HttpRequest request) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            counts.add(clients.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    send(request);
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(SLICE_MS);
        stop.set(true);
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        return total / ((System.nanoTime() - t0) / 1e9);
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    }
}
