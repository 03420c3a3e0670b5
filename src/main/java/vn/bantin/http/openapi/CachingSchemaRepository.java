package vn.bantin.http.openapi;

import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.SchemaException;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The contract's schema repository, keeping one validator per schema. vertx-openapi asks the repository for a
 * new validator for every parameter and body of every request, and building one walks the schema again: that
 * was the largest single cost of checking a request (ops/bench/security). A validator holds no state between
 * validations, so one per schema serves every request; the contract's schemas never change once loaded.
 */
final class CachingSchemaRepository implements SchemaRepository {

    private final SchemaRepository delegate;
    private final Map<JsonSchema, Validator> validators = Collections.synchronizedMap(new IdentityHashMap<>());

    CachingSchemaRepository(SchemaRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Validator validator(JsonSchema schema) {
        Validator known = validators.get(schema);
        if (known == null) {
            known = delegate.validator(schema);
            validators.put(schema, known);
        }
        return known;
    }

    @Override
    public SchemaRepository dereference(JsonSchema schema) throws SchemaException {
        return delegate.dereference(schema);
    }

    @Override
    public SchemaRepository dereference(String uri, JsonSchema schema) throws SchemaException {
        return delegate.dereference(uri, schema);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs) {
        return delegate.preloadMetaSchema(fs);
    }

    @Override
    public SchemaRepository preloadMetaSchema(FileSystem fs, Draft draft) {
        return delegate.preloadMetaSchema(fs, draft);
    }

    @Override
    public Validator validator(String ref) {
        return delegate.validator(ref);
    }

    @Override
    public Validator validator(String ref, JsonSchemaOptions options) {
        return delegate.validator(ref, options);
    }

    @Override
    public Validator validator(JsonSchema schema, JsonSchemaOptions options, boolean dereference) {
        return delegate.validator(schema, options, dereference);
    }

    @Override
    public JsonObject resolve(JsonObject schema) {
        return delegate.resolve(schema);
    }

    @Override
    public JsonSchema find(String pointer) {
        return delegate.find(pointer);
    }
}
