package vn.bantin.http.access;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bantin.access.Actor;
import vn.bantin.audit.AuditTrail;
import vn.bantin.http.Blocking;
import vn.bantin.http.Responses;

import java.util.Set;

/**
 * Records every change made through the management API (done or refused) and every declared sensitive
 * read in the audit trail, once the answer is sent: who, the operation, the object it names, the status,
 * and the answered state (secrets removed) as the "after".
 */
public final class AuditHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHandler.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> SECRETS = Set.of("password", "currentPassword", "newPassword", "token",
            "csrfToken", "setupToken", "code");

    private final AuditTrail trail;
    private final OperationPermissions permissions;
    private final Blocking blocking;

    public AuditHandler(AuditTrail trail, OperationPermissions permissions, Blocking blocking) {
        this.trail = trail;
        this.permissions = permissions;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addEndHandler(done -> {
            String operation = ctx.get(ApiRouter.OPERATION);
            boolean change = !SAFE.contains(ctx.request().method());
            if (operation == null || !(change || permissions.sensitive(operation))) {
                return;
            }
            Actor actor = Actors.find(ctx).orElse(Actor.anonymous(Actors.address(ctx)));
            int status = ctx.response().getStatusCode();
            String answer = change && status < 300 ? redacted(ctx.get(Responses.ANSWER)) : null;
            String object = objectKey(operation, ctx, answer);
            blocking.run(() -> trail.record(actor, operation, object, status, answer))
                    .onFailure(e -> LOG.error("could not record {} by {} in the audit trail", operation, actor.name(), e));
        });
        ctx.next();
    }

    /** {@code /api/v1/campaigns/{id}/approve} → {@code campaigns/12}; a create names what it made. */
    static String objectKey(String operation, RoutingContext ctx, String answer) {
        String[] parts = operation.substring(operation.indexOf(' ') + 1).split("/");
        if (parts.length < 4) {
            return null;
        }
        String id = ctx.pathParam("id");
        if (id == null && answer != null && answer.startsWith("{")) {
            Object made = new JsonObject(answer).getValue("id");
            id = made == null ? null : String.valueOf(made);
        }
        return id == null ? parts[3] : parts[3] + "/" + id;
    }

    private static String redacted(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object parsed = json.startsWith("[") ? new JsonArray(json) : new JsonObject(json);
            strip(parsed);
            return parsed.toString();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static void strip(Object node) {
        if (node instanceof JsonObject o) {
            SECRETS.forEach(o::remove);
            o.forEach(e -> strip(e.getValue()));
        } else if (node instanceof JsonArray a) {
            a.forEach(AuditHandler::strip);
        }
    }
}
