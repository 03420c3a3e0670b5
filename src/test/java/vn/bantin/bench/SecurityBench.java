package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Sign-in cost and authorisation overhead against a running controller (ops/bench/security).
 * (a) One password sign-in (Argon2id at the configured cost), median of 10 after warm-up, beside a
 * GET /api/v1/session on the same session (the request without the hashing). (b) Throughput of
 * GET /api/v1/endpoints (200 endpoints in 10 communes) as a province EDITOR on a browser session (session
 * lookup, role gate, area subtree, filtering), against the same route with them off: the configured admin
 * token (a hash compare, full scope, nothing filtered). Same answer both ways; alternating rounds.
 * Arguments: baseUrl adminTokenFile.
 */
public final class SecurityBench {

    private static final int ENDPOINTS = 200;
    private static final int COMMUNES = 10;
    private static final int THREADS = 4;
    private static final int ROUNDS = 3;
    private static final long ROUND_MS = 4_000;

    private SecurityBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        HttpApi admin = new HttpApi(base, Files.readString(Path.of(args[1])).strip());
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh (bench)")).json().getLong("id");
        for (int i = 0; i < COMMUNES; i++) {
            long commune = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã " + i).put("parentId", province))
                    .json().getLong("id");
            for (int e = 0; e < ENDPOINTS / COMMUNES; e++) {
                admin.post("/api/v1/endpoints", new JsonObject().put("name", "Loa " + i + "." + e).put("kind", "SPEAKER")
                        .put("areaId", commune).put("tags", new JsonArray().add("loa")));
            }
        }
        String password = admin.post("/api/v1/users", new JsonObject().put("username", "bench.editor")
                .put("role", "EDITOR").put("areaId", province)).json().getString("password");

        Browser browser = new Browser(base);
        double loginMs = medianMs(15, 5, () -> browser.login("bench.editor", password).status());
        double sessionMs = medianMs(15, 5, () -> browser.get("/api/v1/session").status());

        int withAuthSize = browser.get("/api/v1/endpoints").array().size();
        int baselineSize = admin.get("/api/v1/endpoints").array().size();
        if (withAuthSize != ENDPOINTS || baselineSize != ENDPOINTS) {
            throw new IllegalStateException("both ways must answer the same " + ENDPOINTS + " endpoints: "
                    + withAuthSize + " / " + baselineSize);
        }
        throughput(() -> browser.get("/api/v1/endpoints").status());
        throughput(() -> admin.get("/api/v1/endpoints").status());
        double withAuth = 0;
        double baseline = 0;
        for (int r = 0; r < ROUNDS; r++) {
            withAuth += throughput(() -> browser.get("/api/v1/endpoints").status());
            baseline += throughput(() -> admin.get("/api/v1/endpoints").status());
        }
        withAuth /= ROUNDS;
        baseline /= ROUNDS;

        print("security.login_ms", loginMs, "ms");
        print("security.login_baseline_session_get_ms", sessionMs, "ms");
        print("security.endpoints_list_rps_with_auth", withAuth, "req/s");
        print("security.endpoints_list_rps_baseline", baseline, "req/s");
        print("security.authz_overhead_ratio", baseline / withAuth, "ratio");
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
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** Requests per second over one round, THREADS clients each sending one request after another. */
    private static double throughput(Supplier<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> counts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            counts.add(pool.submit(() -> {
                long n = 0;
                while (!stop.get()) {
                    if (call.get() != 200) {
                        throw new IllegalStateException("a request failed");
                    }
                    n++;
                }
                return n;
            }));
        }
        Thread.sleep(ROUND_MS);
        stop.set(true);
        long total = 0;
        for (Future<Long> f : counts) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.2f %s", name, value, unit));
    }
}
