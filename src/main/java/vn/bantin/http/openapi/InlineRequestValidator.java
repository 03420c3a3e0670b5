package vn.bantin.http.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;

import java.util.Map;

/**
 * vertx-openapi's request validator, run where the request is when there is little to check. The library hands
 * every validation to a worker thread; for parameters and a small JSON body that hop costs more than the check
 * itself (ops/bench/security), so those are checked at once and only larger bodies go to a worker.
 */
final class InlineRequestValidator extends RequestValidatorImpl {

    static final int INLINE_BODY_BYTES = 16 * 1024;

    InlineRequestValidator(Vertx vertx, OpenAPIContract contract) {
        super(vertx, contract);
    }

    Future<ValidatedRequest> validate(ValidatableRequest request, Operation operation) {
        Buffer body = request.getBody() == null ? null : request.getBody().getBuffer(null);
        if (body != null && body.length() > INLINE_BODY_BYTES) {
            return validate(request, operation.getOperationId());
        }
        try {
            for (Parameter p : operation.getParameters()) {
                validateParameter(p, in(request, p).get(p.getName()));
            }
            validateBody(operation.getRequestBody(), request);
            return Future.succeededFuture();
        } catch (ValidatorException e) {
            return Future.failedFuture(e);
        }
    }

    private static Map<String, RequestParameter> in(ValidatableRequest request, Parameter p) {
        return switch (p.getIn()) {
            case COOKIE -> request.getCookies();
            case HEADER -> request.getHeaders();
            case PATH -> request.getPathParameters();
            case QUERY -> request.getQuery();
        };
    }
}
