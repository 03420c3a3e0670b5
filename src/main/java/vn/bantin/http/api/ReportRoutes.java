package vn.bantin.http.api;

import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ReportService;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

/** GET /api/v1/reports?period=today|month|quarter|half|year|custom[&from&to]&format=json|csv */
public final class ReportRoutes {

    private final ReportService reports;
    private final Blocking blocking;

    public ReportRoutes(ReportService reports, Blocking blocking) {
        this.reports = reports;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/reports", Permission.READ, this::report);
    }

    private void report(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        var q = ctx.queryParams();
        String format = q.get("format") == null ? "json" : q.get("format");
        if (format.equals("csv")) {
            blocking.respond(ctx, () -> reports.csv(actor, q.get("period"), q.get("from"), q.get("to"), q.get("by")), (c, csv) ->
                    c.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\"")
                            .end(io.vertx.core.buffer.Buffer.buffer(csv.bytes())));
        } else if (format.equals("json")) {
            blocking.json(ctx, () -> reports.json(actor, q.get("period"), q.get("from"), q.get("to")));
        } else {
            throw vn.bantin.app.ApiException.badRequest("bad_format", "format phải là json hoặc csv / format must be"
                    + " json or csv");
        }
    }
}
