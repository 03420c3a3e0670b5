package vn.bantin.http.access;

import io.vertx.core.http.HttpMethod;
import vn.bantin.access.Permission;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every management operation with the permission its route declared, filled as routes are mounted. The
 * authorisation matrix test checks it against the OpenAPI document, so an operation without a declared
 * permission fails the suite.
 */
public final class OperationPermissions {

    /** One operation: method and path as the OpenAPI document writes it ({@code /api/v1/areas/{id}}). */
    public record Declared(String method, String path, Permission permission) {
    }

    private final List<Declared> declared = new CopyOnWriteArrayList<>();
    private final Set<String> publicOperations = ConcurrentHashMap.newKeySet();
    private final Set<String> sensitiveReads = ConcurrentHashMap.newKeySet();

    void declare(HttpMethod method, String routerPath, Permission permission) {
        String path = routerPath.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        declared.add(new Declared(method.name(), path, permission));
        if (permission == Permission.PUBLIC) {
            publicOperations.add(method.name() + " " + path);
        }
    }

    /** A read the audit trail records (report exports, evidence bundles): {@code "GET /api/v1/reports"}. */
    void declareSensitive(HttpMethod method, String routerPath) {
        sensitiveReads.add(method.name() + " " + routerPath.replaceAll(":([A-Za-z0-9_]+)", "{$1}"));
    }

    public boolean sensitive(String operation) {
        return sensitiveReads.contains(operation);
    }

    /** Public operations have no path parameters, so the request path is the declared one. */
    public boolean isPublic(HttpMethod method, String requestPath) {
        return publicOperations.contains(method.name() + " " + requestPath);
    }

    public List<Declared> all() {
        return List.copyOf(declared);
    }

    public Map<String, Permission> byOperation() {
        Map<String, Permission> out = new java.util.LinkedHashMap<>();
        for (Declared d : declared) {
            out.put(d.method() + " " + d.path(), d.permission());
        }
        return out;
    }
}
