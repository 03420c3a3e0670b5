package vn.bantin.http.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The request's parameters as the validator should see them, each decoded exactly once. vertx-openapi's own
 * {@link RequestUtils#extract} URL-decodes query values that Vert.x has already decoded, so a search for "50%"
 * failed as undecodable and "a+b" was checked as "a b". Query values and header values are taken as Vert.x
 * gives them; only the raw path segments are percent-decoded here.
 */
final class ValidatableRequests {

    private static final RequestParameter EMPTY = new RequestParameterImpl(null);

    private ValidatableRequests() {
    }

    /** body: the JSON body already read by the body handler, or null. */
    static ValidatableRequest of(HttpServerRequest request, Operation operation, Buffer body) {
        Map<String, RequestParameter> cookies = new HashMap<>();
        Map<String, RequestParameter> headers = new HashMap<>();
        Map<String, RequestParameter> path = new HashMap<>();
        Map<String, RequestParameter> query = new HashMap<>();
        for (Parameter p : operation.getParameters()) {
            switch (p.getIn()) {
                case COOKIE -> cookies.put(p.getName(), values(p, request.cookies(p.getName()).stream()
                        .map(Cookie::getValue).toList()));
                case HEADER -> headers.put(p.getName(), new RequestParameterImpl(request.getHeader(p.getName())));
                case PATH -> path.put(p.getName(), pathSegment(request, operation, p));
                case QUERY -> query.put(p.getName(), values(p, request.params().getAll(p.getName())));
            }
        }
        if (operation.getRequestBody() == null) {
            return new ValidatableRequestImpl(cookies, headers, path, query);
        }
        return new ValidatableRequestImpl(cookies, headers, path, query, new RequestParameterImpl(body),
                request.getHeader(HttpHeaders.CONTENT_TYPE));
    }

    private static RequestParameter values(Parameter p, List<String> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        if (p.isExplode() && p.getSchemaType() == SchemaType.ARRAY) {
            return new RequestParameterImpl(values.stream().map(v -> p.getName() + "=" + v)
                    .collect(Collectors.joining("&")));
        }
        return new RequestParameterImpl(values.get(0));
    }

    private static RequestParameter pathSegment(HttpServerRequest request, Operation operation, Parameter p) {
        int segment = RequestUtils.findPathSegment(operation.getAbsoluteOpenAPIPath(), p.getName());
        String[] segments = request.path().substring(1).split("/");
        if (segments.length < segment) {
            return EMPTY;
        }
        try {
            // a '+' in a path is a plus, not a space
            return new RequestParameterImpl(URLDecoder.decode(segments[segment - 1].replace("+", "%2B"),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ValidatorException("Can't decode URL value: " + segments[segment - 1],
                    ValidatorErrorType.ILLEGAL_VALUE);
        }
    }
}
