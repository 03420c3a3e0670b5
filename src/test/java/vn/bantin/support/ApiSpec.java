package vn.bantin.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import vn.bantin.http.openapi.OpenApiDocument;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The served OpenAPI document, as the tests hold the controller to it: every answer a test receives must be an
 * operation the document declares, with a status it declares and, for JSON, a body its schema accepts.
 */
public final class ApiSpec {

    private static final Vertx VERTX = Vertx.vertx();
    private static final JsonObject DOCUMENT = OpenApiDocument.load();
    private static final OpenAPIContract CONTRACT = await(OpenApiDocument.contract(VERTX, DOCUMENT));
    private static final ResponseValidator RESPONSES = ResponseValidator.create(VERTX, CONTRACT);

    private ApiSpec() {
    }

    public static JsonObject document() {
        return DOCUMENT;
    }

    public static OpenAPIContract contract() {
        return CONTRACT;
    }

    /** Fails with what is wrong when the answer to METHOD path is not what the document says it can be. */
    public static void check(String method, String pathWithQuery, int status, Map<String, List<String>> headers,
                             byte[] body) {
        String path = pathWithQuery.replaceFirst("\\?.*", "");
        if (!path.startsWith("/api/") && !path.startsWith("/agent/")) {
            return;
        }
        Operation op = CONTRACT.findOperation(path, HttpMethod.valueOf(method));
        String what = method + " " + pathWithQuery + " → " + status;
        if (op == null) {
            if (status == 404 || status == 405) {
                return;
            }
            throw new AssertionError(what + ": no operation in the OpenAPI document");
        }
        if (op.getResponse(status) == null && op.getDefaultResponse() == null) {
            throw new AssertionError(what + ": status not declared for " + op.getOperationId());
        }
        String type = first(headers, "content-type");
        if (type == null || !type.startsWith("application/json") || method.equals("HEAD")) {
            return;
        }
        Map<String, String> single = new HashMap<>();
        headers.forEach((k, v) -> single.put(k, v.isEmpty() ? null : v.get(0)));
        ValidatableResponse response = ValidatableResponse.create(status, single, Buffer.buffer(body),
                "application/json");
        try {
            await(RESPONSES.validate(response, op.getOperationId()));
        } catch (RuntimeException e) {
            throw new AssertionError(what + " (" + op.getOperationId() + ") breaks the OpenAPI document: "
                    + e.getMessage() + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
