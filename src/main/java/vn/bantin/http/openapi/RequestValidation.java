package vn.bantin.http.openapi;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

    @Override
    public void handle(RoutingContext ctx) {
        Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
        if (operation == null) {
            ctx.next();
            return;
        }
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
