package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.app.ApiException;
import vn.bantin.audit.AuditRecord;
import vn.bantin.audit.AuditTrail;
import vn.bantin.http.Blocking;
import vn.bantin.http.access.Actors;
import vn.bantin.http.access.ApiRouter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail for ADMINs of the area: {@code GET /api/v1/audit?after=&limit=&actor=&object=&from=&to=}
 * (pages forward by seq; {@code order=newest&before=} pages back, newest first; {@code object=campaigns} is every
 * campaign), {@code /api/v1/audit/export} (CSV, itself audited), {@code /api/v1/audit/verify}.
 */
public final class AuditRoutes {

    private static final int MAX_PAGE = 500;
    private static final int EXPORT_MAX = 100_000;

    private final AuditTrail trail;
    private final Blocking blocking;

    public AuditRoutes(AuditTrail trail, Blocking blocking) {
        this.trail = trail;
        this.blocking = blocking;
    }

    public void mount(ApiRouter api) {
        api.get("/api/v1/audit", Permission.AUDIT_READ, this::list);
        api.getAudited("/api/v1/audit/export", Permission.AUDIT_READ, this::export);
        api.get("/api/v1/audit/verify", Permission.AUDIT_READ, this::verify);
    }

    private void list(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        int limit = (int) Math.min(MAX_PAGE, number(ctx, "limit", 100));
        blocking.json(ctx, () -> {
            List<AuditRecord> page = find(ctx, actor, limit);
            return new JsonObject().put("records", page.stream().map(AuditRoutes::toJson).toList())
                    .put("next", page.size() == limit ? page.get(page.size() - 1).seq() : null);
        });
    }

    private void export(RoutingContext ctx) {
        Actor actor = Actors.of(ctx);
        blocking.respond(ctx, () -> csv(find(ctx, actor, EXPORT_MAX)), (c, bytes) -> c.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"bantin-nhat-ky.csv\"").end(
                        io.vertx.core.buffer.Buffer.buffer(bytes)));
    }

    private void verify(RoutingContext ctx) {
        blocking.json(ctx, () -> {
            AuditTrail.Verdict v = trail.verify();
            return new JsonObject().put("records", v.records()).put("status", v.intact() ? "INTACT" : "BROKEN")
                    .put("firstBadSeq", v.firstBadSeq());
        });
    }

    /** {@code order=newest}: newest first, paging back with {@code before=<seq>}; otherwise oldest first. */
    private List<AuditRecord> find(RoutingContext ctx, Actor actor, int limit) {
        boolean newest = "newest".equals(ctx.queryParams().get("order"));
        Long before = newest ? number(ctx, "before", Long.MAX_VALUE) : null;
        return trail.find(actor, ctx.queryParams().get("actor"), ctx.queryParams().get("object"),
                nullableNumber(ctx, "from"), nullableNumber(ctx, "to"), number(ctx, "after", 0), before, limit);
    }

    private static byte[] csv(List<AuditRecord> records) {
        StringBuilder sb = new StringBuilder("\uFEFFseq,at,actor,role,areaId,address,action,object,outcome,before,after,hash\n");
        for (AuditRecord r : records) {
            sb.append(r.seq()).append(',').append(Instant.ofEpochMilli(r.atMs())).append(',')
                    .append(cell(r.actorName())).append(',').append(cell(r.actorRole())).append(',')
                    .append(r.areaId() == null ? "" : r.areaId()).append(',').append(cell(r.address())).append(',')
                    .append(cell(r.action())).append(',').append(cell(r.objectKey())).append(',').append(r.outcome())
                    .append(',').append(cell(r.before())).append(',').append(cell(r.after())).append(',')
                    .append(r.recordHash()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted, and a leading = + - @ neutralised so a spreadsheet never runs a cell as a formula. */
    private static String cell(String v) {
        if (v == null) {
            return "";
        }
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static long number(RoutingContext ctx, String name, long fallback) {
        Long v = nullableNumber(ctx, name);
        return v == null ? fallback : v;
    }

    private static Long nullableNumber(RoutingContext ctx, String name) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_param", "Tham số '" + name + "' phải là số không âm / '" + name
                    + "' must be a non-negative whole number");
        }
    }

    static JsonObject toJson(AuditRecord r) {
        return new JsonObject().put("seq", r.seq()).put("at", r.atMs()).put("actor", r.actorName())
                .put("role", r.actorRole()).put("areaId", r.areaId()).put("address", r.address())
                .put("action", r.action()).put("object", r.objectKey()).put("outcome", r.outcome())
                .put("before", r.before()).put("after", r.after()).put("hash", r.recordHash());
    }
}
