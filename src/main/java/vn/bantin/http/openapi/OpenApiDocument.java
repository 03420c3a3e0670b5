package vn.bantin.http.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one OpenAPI document of the controller, assembled from {@code openapi/openapi.json} (info, tags, shared
 * components) and every {@code openapi/paths/*.json} fragment (its paths and the schemas only it uses), so that
 * lines of work adding resources each edit their own file. A path, operation or component defined twice fails
 * the assembly.
 */
public final class OpenApiDocument {

    static final String ROOT = "openapi/openapi.json";
    static final String FRAGMENTS = "openapi/paths";

    private OpenApiDocument() {
    }

    public static JsonObject load() {
        JsonObject doc = new JsonObject(read(resource(ROOT)));
        fragments().forEach((name, text) -> merge(doc, name, new JsonObject(text)));
        return doc;
    }

    /** The document loaded as Vert.x's validator contract (see {@link ValidatorView}). */
    public static Future<OpenAPIContract> contract(Vertx vertx, JsonObject document) {
        return OpenAPIContract.from(vertx, ValidatorView.of(document));
    }

    static void merge(JsonObject doc, String fragmentName, JsonObject fragment) {
        for (String key : fragment.fieldNames()) {
            if (!key.equals("paths") && !key.equals("components")) {
                throw new IllegalStateException(fragmentName + ": a fragment holds only paths and components, not "
                        + key);
            }
        }
        putAll(doc.getJsonObject("paths"), fragment.getJsonObject("paths", new JsonObject()), fragmentName + " paths");
        JsonObject components = fragment.getJsonObject("components", new JsonObject());
        for (String kind : components.fieldNames()) {
            JsonObject target = doc.getJsonObject("components").getJsonObject(kind);
            if (target == null) {
                target = new JsonObject();
                doc.getJsonObject("components").put(kind, target);
            }
            putAll(target, components.getJsonObject(kind), fragmentName + " components/" + kind);
        }
    }

    private static void putAll(JsonObject target, JsonObject source, String where) {
        for (Map.Entry<String, Object> e : source) {
            if (target.containsKey(e.getKey())) {
                throw new IllegalStateException(where + ": '" + e.getKey() + "' is already defined");
            }
            target.put(e.getKey(), e.getValue());
        }
    }

    /** Fragment file name → its text, in name order. */
    private static SortedMap<String, String> fragments() {
        URI dir = resource(FRAGMENTS);
        if (!dir.getScheme().equals("jar")) {
            return readAll(Path.of(dir));
        }
        try (FileSystem jar = FileSystems.newFileSystem(dir, Map.of())) {
            return readAll(jar.getPath(FRAGMENTS));
        } catch (FileSystemAlreadyExistsException e) {
            return readAll(FileSystems.getFileSystem(dir).getPath(FRAGMENTS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedMap<String, String> readAll(Path dir) {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI resource(String name) {
        URL url = OpenApiDocument.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(URI uri) {
        try (InputStream in = uri.toURL().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
