package vn.bantin.http.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.ApiException;
import vn.bantin.app.ReportService;
import vn.bantin.app.report.CoverageService;
import vn.bantin.app.report.ReportExports;
import vn.bantin.http.Blocking;
import vn.bantin.http.JsonInput;
import vn.bantin.http.PathParams;
import vn.bantin.http.Responses;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

/**
 * GET /api/v1/reports?period=today|month|quarter|half|year|custom[&from&to][&at][&areaId][&campaignId]
 * [&format=json|csv|xlsx|pdf][&by=campaign|area|endpoint|topic|kind][&issuer]; its exceptions one by one:
 * GET /api/v1/reports/exceptions?(the same scope and period)[&offset][&limit]; and the coverage figures:
 * PUT /api/v1/areas/:id/population, PUT /api/v1/endpoints/:id/households.
 */
public final class ReportRoutes {

    private final ReportService reports;
    private final ReportExports exports;
    private final CoverageService coverage;
    private final Blocking blocking;

    public ReportRoutes(ReportService reports, ReportExports exports, CoverageService coverage, Blocking blocking) {
        this.reports = reports;
        this.exports = exports;
        this.coverage = coverage;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.getAudited("/api/v1/reports", Permission.READ, this::report);
        api.getAudited("/api/v1/reports/exceptions", Permission.READ, this::exceptions);
        api.put("/api/v1/areas/:id/population", Permission.AREA_WRITE, this::population);
        api.put("/api/v1/endpoints/:id/households", Permission.ENDPOINT_WRITE, this::households);
    }

    private static ReportService.Query query(RoutingContext ctx) {
        var q = ctx.queryParams();
        return new ReportService.Query(q.get("period"), q.get("from"), q.get("to"), q.get("at"),
                optionalId(q.get("areaId"), "areaId"), optionalId(q.get("campaignId"), "campaignId"));
    }

    private void exceptions(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        ReportService.Query query = query(ctx);
        int offset = count(ctx.queryParams().get("offset"), "offset", 0);
        int limit = count(ctx.queryParams().get("limit"), "limit", 100);
        blocking.json(ctx, () -> ReportJson.exceptions(reports.exceptions(actor, query, offset, limit)));
    }

    private void report(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        var q = ctx.queryParams();
        ReportService.Query query = query(ctx);
        String format = q.get("format") == null ? "json" : q.get("format");
        if (format.equals("json")) {
            blocking.json(ctx, () -> ReportJson.of(reports.report(actor, query)));
            return;
        }
        ReportExports.check(format, q.get("by"), q.get("issuer"));
        blocking.respond(ctx, () -> exports.export(reports.report(actor, query), format.equals("csv") ? null
                        : reports.exceptions(actor, query, 0, ReportService.MAX_EXCEPTIONS), format, q.get("by"),
                        q.get("issuer")),
                (c, file) -> c.response().putHeader("Content-Type", file.contentType())
                        .putHeader("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                        .end(Buffer.buffer(file.bytes())));
    }

    private void population(RoutingContext ctx) {
        setFigure(ctx, "areaId", "population", coverage::setPopulation);
    }

    private void households(RoutingContext ctx) {
        setFigure(ctx, "endpointId", "households", coverage::setHouseholds);
    }

    @FunctionalInterface
    private interface FigureSetter {
        void set(Actor actor, long id, Long value);
    }

    /** PUT {field: n | null} on /:id; answers {idName: id, field: n | null}. */
    private void setFigure(RoutingContext ctx, String idName, String field, FigureSetter setter) {
        Actor actor = Actors.of(ctx);
        long id = PathParams.id(ctx, "id");
        Long value = JsonInput.of(ctx).optionalLong(field);
        blocking.respond(ctx, () -> {
            setter.set(actor, id, value);
            return new JsonObject().put(idName, id).put(field, value);
        }, Responses::ok);
    }

    private static int count(String raw, String name, int otherwise) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_page", name + " '" + raw + "' không phải số / " + name + " '" + raw
                    + "' is not a number");
        }
    }

    private static Long optionalId(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", name + " '" + raw + "' không hợp lệ / " + name + " '" + raw
                    + "' is not a valid id");
        }
    }
}
