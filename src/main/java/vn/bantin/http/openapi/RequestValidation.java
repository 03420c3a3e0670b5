package vn.bantin.http.openapi;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorException;

/**
 * Validates every request against the operation the OpenAPI document declares for its method and path (path,
 * query and header parameters, and JSON bodies read by the body handler before it); a request breaking the
 * document fails with a 400 naming the field. Bodies the routes stream themselves (multipart uploads, upload
 * chunks) are not buffered here: the request stays paused for their routes, which check them.
 */
public final class RequestValidation implements Handler<RoutingContext> {

    private final OpenAPIContract contract;
    private final RequestValidator validator;
    private final RequestExtractor extractor = RequestValidation::extract;

    public RequestValidation(Vertx vertx, OpenAPIContract contract) {
        this.contract = contract;
        this.validator = RequestValidator.create(vertx, contract);
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
        Future<io.vertx.openapi.validation.ValidatableRequest> extracted;
        try {
            extracted = extractor.extractValidatableRequest(ctx, operation);
        } catch (ValidatorException e) {
            // thrown, not failed, for a parameter that cannot even be decoded (e.g. a stray '%')
            ctx.fail(ValidationMessages.undecodable(e));
            return;
        }
        extracted.compose(request -> validator.validate(request, operation.getOperationId()))
                .onSuccess(validated -> ctx.next())
                .onFailure(e -> ctx.fail(e instanceof ValidatorException v ? ValidationMessages.of(v) : e));
    }

    private static Future<io.vertx.openapi.validation.ValidatableRequest> extract(RoutingContext ctx,
                                                                                  Operation operation) {
        return RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(bufferedBody(ctx)));
    }

    private static Buffer bufferedBody(RoutingContext ctx) {
        return ctx.body().available() ? ctx.body().buffer() : null;
    }
}
