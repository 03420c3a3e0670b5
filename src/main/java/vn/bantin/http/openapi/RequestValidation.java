package vn.bantin.http.openapi;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates every request against the operation the OpenAPI document declares for its method and path (path,
 * query and header parameters, and JSON bodies read by the body handler before it); a request breaking the
 * document fails with a 400 naming the field. Bodies the routes stream themselves (multipart uploads, upload
 * chunks) are not buffered here: the request stays paused for their routes, which check them.
 */
public final class RequestValidation implements Handler<RoutingContext> {

    private final OpenAPIContract contract;
    private final InlineRequestValidator validator;

    public RequestValidation(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.validator = new InlineRequestValidator(vertx, new CachingContract(contract));
    }

    /**
     * The check for one documented operation ({@code GET}, {@code /api/v1/areas/{id}}), found once here rather
     * than by matching every request's path against the whole document; an undocumented one checks nothing (the
     * parity test fails it).
     */
    public Handler<RoutingContext> forOperation(HttpMethod method, String openApiPath) {
        for (Operation operation : contract.operations()) {
            if (operation.getHttpMethod().equals(method) && operation.getOpenAPIPath().equals(openApiPath)) {
                return ctx -> validate(ctx, operation);
            }
        }
        return RoutingContext::next;
    }

    /** Finds the operation by the request's method and path. */
    @Override
    public void handle(RoutingContext ctx) {
        Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (operation == null) {
            ctx.next();
            return;
        }
        validate(ctx, operation);
    }

    private void validate(RoutingContext ctx, Operation operation) {
        if (!ctx.body().available()) {
            ctx.request().pause();
        }
        ValidatableRequest request;
        try {
            request = ValidatableRequests.of(ctx.request(), operation, bufferedBody(ctx));
        } catch (ValidatorException e) {
            ctx.fail(ValidationMessages.undecodable(e));
            return;
        }
        validator.validate(request, operation)
                .onSuccess(validated -> ctx.next())
                .onFailure(e -> ctx.fail(e instanceof ValidatorException v ? ValidationMessages.of(v) : e));
    }

    private static Buffer bufferedBody(RoutingContext ctx) {
        return ctx.body().available() ? ctx.body().buffer() : null;
    }
}
