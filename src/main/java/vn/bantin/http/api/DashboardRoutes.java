package vn.bantin.http.api;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.AlertService;
import vn.bantin.app.ApiException;
import vn.bantin.app.live.AlertDeliveries;
import vn.bantin.app.live.DashboardService;
import vn.bantin.http.Blocking;
import vn.bantin.http.PathParams;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.util.Set;

/**
 * The UI's first loads, by name and within the caller's scope: GET /api/v1/dashboard (every endpoint's
 * liveness, now playing, faults and place on the map; ?endpointId= for one), GET /api/v1/dashboard/plays (recent plays, paged and filtered) and
 * GET /api/v1/alerts/{id}/deliveries (each target's progress). Changes then arrive on /api/v1/events.
 */
public final class DashboardRoutes {

    private static final int MAX_PAGE = 200;
    private static final Set<String> OUTCOMES = Set.of("PLAYED", "INTERRUPTED", "FAILED", "MISSED");
    private static final Set<String> CLASSES = Set.of("NORMAL", "PRIORITY", "EMERGENCY");

    private final DashboardService dashboard;
    private final AlertDeliveries deliveries;
    private final AlertService alerts;
    private final Blocking blocking;

    public DashboardRoutes(DashboardService dashboard, AlertDeliveries deliveries, AlertService alerts,
                           Blocking blocking) {
        this.dashboard = dashboard;
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/dashboard", Permission.READ, ctx -> {
            String only = ctx.queryParams().get("endpointId");
            Long endpointId = only == null ? null : (long) number(only, 0, "endpointId", Integer.MAX_VALUE);
            blocking.json(ctx, () -> dashboard.dashboard(Actors.of(ctx), endpointId));
        });
        api.get("/api/v1/dashboard/plays", Permission.READ, this::plays);
        api.get("/api/v1/alerts/:id/deliveries", Permission.READ, ctx -> {
            long id = PathParams.id(ctx, "id");
            Actor actor = Actors.of(ctx);
            blocking.json(ctx, () -> {
                alerts.get(actor, id);
                return deliveries.of(id, dashboard.scopeOf(actor));
            });
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
        Actor actor = Actors.of(ctx);
        blocking.json(ctx, () -> dashboard.plays(actor, query));
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
