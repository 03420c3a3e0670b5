package vn.bantin.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wire contract's JSON Schemas (draft 2020-12, {@code src/main/resources/contract/schema/}) checked by a real
 * validator, formats asserted; their {@code $id}s resolve to the files beside them.
 */
public final class ContractSchemas {

    public static final Path DIR = Path.of("src/main/resources/contract/schema");
    private static final String BASE = "https://bantin.vn/contract/v1/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix(BASE, DIR.toAbsolutePath().toUri().toString())));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** What the instance breaks of the schema file, as "location: message"; empty when it conforms. */
    public static List<String> violations(String schemaFile, JsonNode instance) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(schemaFile,
                f -> FACTORY.getSchema(SchemaLocation.of(BASE + f), CONFIG));
        return schema.validate(instance).stream().map(ValidationMessage::toString).sorted().toList();
    }

    public static List<String> violations(String schemaFile, String json) {
        try {
            return violations(schemaFile, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
