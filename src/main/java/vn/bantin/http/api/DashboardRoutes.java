package vn.bantin.http.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;
import vn.bantin.app.live.AlertDeliveries;
import vn.bantin.app.live.DashboardService;
import vn.bantin.http.Blocking;
import vn.bantin.http.CallerScope;
import vn.bantin.http.PathParams;

import java.util.Set;

/**
 * The UI's first loads, by name and within the caller's scope: GET /api/v1/dashboard (every endpoint's
 * liveness, now playing and faults), GET /api/v1/dashboard/plays (recent plays, paged and filtered) and
 * GET /api/v1/alerts/{id}/deliveries (each target's progress). Changes then arrive on /api/v1/events.
 */
public final class DashboardRoutes {

    private static final int MAX_PAGE = 200;
    private static final Set<String> OUTCOMES = Set.of("PLAYED", "INTERRUPTED", "FAILED", "MISSED");
    private static final Set<String> CLASSES = Set.of("NORMAL", "PRIORITY", "EMERGENCY");

    private final DashboardService dashboard;
    private final AlertDeliveries deliveries;
    private final Blocking blocking;

    public DashboardRoutes(DashboardService dashboard, AlertDeliveries deliveries, Blocking blocking) {
        this.dashboard = dashboard;
        this.deliveries = deliveries;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/api/v1/dashboard").handler(ctx -> blocking.json(ctx,
                () -> dashboard.dashboard(CallerScope.of(ctx))));
        router.get("/api/v1/dashboard/plays").handler(this::plays);
        router.get("/api/v1/alerts/:id/deliveries").handler(ctx -> {
            long id = PathParams.id(ctx, "id");
            blocking.json(ctx, () -> deliveries.of(id));
        });
    }

    private void plays(RoutingContext ctx) {
        var q = ctx.queryParams();
        int offset = number(q.get("offset"), 0, "offset", Integer.MAX_VALUE);
        int limit = number(q.get("limit"), 20, "limit", MAX_PAGE);
        String endpoint = q.get("endpointId");
        var query = new DashboardService.PlayQuery(endpoint == null ? null : (long) number(endpoint, 0, "endpointId",
                Integer.MAX_VALUE), oneOf(q.get("outcome"), OUTCOMES, "outcome"), oneOf(q.get("class"), CLASSES, "class"),
                offset, Math.max(1, limit));
        blocking.json(ctx, () -> dashboard.plays(CallerScope.of(ctx), query));
    }

    private static int number(String raw, int fallback, String name, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v >= 0 && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("bad_" + name, name + " phải là số từ 0 đến " + max + " / " + name
                + " must be a number from 0 to " + max);
    }

    private static String oneOf(String raw, Set<String> allowed, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!allowed.contains(raw)) {
            throw ApiException.badRequest("bad_" + name, name + " phải là một trong " + allowed + " / " + name
                    + " must be one of " + allowed);
        }
        return raw;
    }
}
