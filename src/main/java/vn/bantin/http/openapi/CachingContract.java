package vn.bantin.http.openapi;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import io.vertx.openapi.contract.Server;

import java.util.List;

/** The loaded contract as it is, except that its schema repository keeps its validators ({@link CachingSchemaRepository}). */
final class CachingContract implements OpenAPIContract {

    private final OpenAPIContract delegate;
    private final SchemaRepository schemas;

    CachingContract(OpenAPIContract delegate) {
        this.delegate = delegate;
        this.schemas = new CachingSchemaRepository(delegate.getSchemaRepository());
    }

    @Override
    public SchemaRepository getSchemaRepository() {
        return schemas;
    }

    @Override
    public Operation operation(String operationId) {
        return delegate.operation(operationId);
    }

    @Override
    public List<Operation> operations() {
        return delegate.operations();
    }

    @Override
    public List<Path> getPaths() {
        return delegate.getPaths();
    }

    @Override
    public JsonObject getRawContract() {
        return delegate.getRawContract();
    }

    @Override
    public OpenAPIVersion getVersion() {
        return delegate.getVersion();
    }

    @Override
    public List<Server> getServers() {
        return delegate.getServers();
    }

    @Override
    public Path findPath(String urlPath) {
        return delegate.findPath(urlPath);
    }

    @Override
    public Operation findOperation(String urlPath, HttpMethod method) {
        return delegate.findOperation(urlPath, method);
    }

    @Override
    public List<SecurityRequirement> getSecurityRequirements() {
        return delegate.getSecurityRequirements();
    }

    @Override
    public SecurityScheme securityScheme(String name) {
        return delegate.securityScheme(name);
    }
}
