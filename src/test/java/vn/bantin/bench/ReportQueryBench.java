package vn.bantin.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.Arrays;
import vn.bantin.access.Actor;
import vn.bantin.app.AreaScope;
import vn.bantin.app.ReportService;
import vn.bantin.evidence.report.Report;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;

/**
 * Reports over the loaded province year: through the running controller's HTTP API (median of 5 after a
 * warm-up), and in one process the same annual report from the rollups and by scanning every record.
 */
final class ReportQueryBench {

    static final String ANNUAL = "period=year&at=2025-06-01&areaId=";
    static final String HALF = "period=half&at=2025-03-01&areaId=";

    private ReportQueryBench() {
    }

    static void run(String baseUrl, String token) throws Exception {
        AdminClient admin = new AdminClient(baseUrl, token);
        long province = 0;
        long commune = 0;
        for (Object o : new JsonArray(admin.http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl + "/api/v1/areas")).header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body())) {
            JsonObject a = (JsonObject) o;
            if (a.getValue("parentId") == null) {
                province = a.getLong("id");
            } else if (commune == 0) {
                commune = a.getLong("id");
            }
        }
        JsonObject annual = admin.get("/api/v1/reports?" + ANNUAL + province);
        System.out.println("# annual province: " + annual.getJsonObject("total").getJsonObject("broadcasts").encode()
                + ", records " + annual.getJsonObject("total").getLong("records"));
        System.out.printf("BENCH reports.annual_province_ms %.0f ms%n", median(admin, ANNUAL + province));
        System.out.printf("BENCH reports.semiannual_commune_ms %.0f ms%n", median(admin, HALF + commune));
    }

    private static double median(AdminClient admin, String query) throws Exception {
        admin.get("/api/v1/reports?" + query);
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            admin.get("/api/v1/reports?" + query);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    /** With the controller stopped: the annual report both ways in this process, which must agree. */
    static void scan(Path dataDir) throws Exception {
        try (Database db = Database.open(System.getProperty("bench.db.url"), "SA", "")) {
            compare(db);
        }
    }

    private static void compare(Database db) {
        AreaRepository areas = new AreaRepository();
        ReportService reports = new ReportService(db, areas, ZoneId.of("Asia/Ho_Chi_Minh"),
                Clock.fixed(Instant.now(), ZoneOffset.UTC), new AreaScope(areas));
        long province = db.read(c -> areas.all(c).stream().filter(a -> a.parentId() == null).findFirst()
                .orElseThrow().id());
        ReportService.Query q = new ReportService.Query("year", null, null, "2025-06-01", province, null);
        reports.report(Actor.adminToken(), q);
        long t0 = System.nanoTime();
        Report rollup = reports.report(Actor.adminToken(), q);
        double rollupMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        Report scanned = reports.reportByFullScan(Actor.adminToken(), q);
        double scanMs = (System.nanoTime() - t0) / 1e6;
        if (!rollup.equals(scanned)) {
            throw new IllegalStateException("the full scan disagrees with the rollups");
        }
        System.out.printf("# annual province in process: rollups %.0f ms, full scan %.0f ms, reports equal%n",
                rollupMs, scanMs);
        System.out.printf("BENCH reports.full_scan_over_rollup %.1f x%n", scanMs / rollupMs);
    }
}
