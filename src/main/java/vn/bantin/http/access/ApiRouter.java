package vn.bantin.http.access;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.access.Permission;
import vn.bantin.http.openapi.RequestValidation;

/**
 * Mounts management routes, each with the permission it needs: {@code api.get(path, Permission.READ,
 * this::list)}. The permission is checked before the route's own handlers and recorded for the matrix test.
 */
public final class ApiRouter {

    /** Where the matched operation ({@code "POST /api/v1/campaigns/{id}/approve"}) is kept for the audit trail. */
    public static final String OPERATION = "bantin.operation";

    private final Router router;
    private final OperationPermissions permissions;
    private final RequestValidation validation;

    /** validation: checks the request against the OpenAPI document once the caller may make it. */
    public ApiRouter(Router router, OperationPermissions permissions, RequestValidation validation) {
        this.router = router;
        this.permissions = permissions;
        this.validation = validation;
    }

    @SafeVarargs
    public final Route get(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.GET, path, permission, handlers);
    }

    /** A read the audit trail records with who, when and from where (report exports, evidence bundles). */
    @SafeVarargs
    public final Route getAudited(String path, Permission permission, Handler<RoutingContext>... handlers) {
        permissions.declareSensitive(HttpMethod.GET, path);
        return route(HttpMethod.GET, path, permission, handlers);
    }

    @SafeVarargs
    public final Route post(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.POST, path, permission, handlers);
    }

    @SafeVarargs
    public final Route put(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.PUT, path, permission, handlers);
    }

    @SafeVarargs
    public final Route patch(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.PATCH, path, permission, handlers);
    }

    @SafeVarargs
    public final Route delete(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.DELETE, path, permission, handlers);
    }

    @SafeVarargs
    public final Route head(String path, Permission permission, Handler<RoutingContext>... handlers) {
        return route(HttpMethod.HEAD, path, permission, handlers);
    }

    @SafeVarargs
    private Route route(HttpMethod method, String path, Permission permission, Handler<RoutingContext>... handlers) {
        permissions.declare(method, path, permission);
        String openApiPath = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        String operation = method.name() + " " + openApiPath;
        // a route of its own, so the permission is checked before a body handler reads an upload (Vert.x takes a
        // body handler only ahead of a route's other handlers)
        router.route(method, path).handler(ctx -> {
            ctx.put(OPERATION, operation);
            gate(ctx, permission);
        }).handler(validation.forOperation(method, openApiPath));
        Route route = router.route(method, path);
        for (Handler<RoutingContext> h : handlers) {
            route.handler(h);
        }
        return route;
    }

    private static void gate(RoutingContext ctx, Permission permission) {
        if (!permission.needsCredentials()) {
            ctx.next();
            return;
        }
        var actor = Actors.find(ctx);
        if (actor.isEmpty()) {
            Actors.unauthenticated(ctx);
        } else if (!actor.get().can(permission)) {
            vn.bantin.http.Responses.error(ctx, 403, "forbidden", "Vai trò của bạn không được làm việc này /"
                    + " Your role may not do this");
        } else {
            ctx.next();
        }
    }
}
