package vn.bantin.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Configuration: file, then environment, then defaults")
class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("defaults need nothing: port 8080, ./var, HSQLDB file database, 2 GiB uploads, no fixed token")
    void defaults() {
        BantinConfig c = ConfigLoader.load(null, Map.of());
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.dataDir()).isEqualTo(Path.of("./var").toAbsolutePath().normalize());
        assertThat(c.jdbcUrl()).startsWith("jdbc:hsqldb:file:").contains("hsqldb.tx=mvcc");
        assertThat(c.maxUploadBytes()).isEqualTo(2L << 30);
        assertThat(c.adminToken()).isNull();
        assertThat(c.defaultZone()).isEqualTo("Asia/Ho_Chi_Minh");
    }

    @Test
    @DisplayName("the file is read first, then the environment; PORT works as a shorthand")
    void precedence() throws Exception {
        Path file = Files.writeString(dir.resolve("b.properties"), "http.port=9000\ndata.dir=/srv/bantin\n");
        assertThat(ConfigLoader.load(file, Map.of()).port()).isEqualTo(9000);
        assertThat(ConfigLoader.load(file, Map.of("BANTIN_HTTP_PORT", "9100")).port()).isEqualTo(9000);
        assertThat(ConfigLoader.load(null, Map.of("BANTIN_HTTP_PORT", "9100")).port()).isEqualTo(9100);
        assertThat(ConfigLoader.load(null, Map.of("PORT", "8181")).port()).isEqualTo(8181);
        assertThat(ConfigLoader.load(file, Map.of("PORT", "8181")).port()).isEqualTo(9000);
        assertThat(ConfigLoader.load(file, Map.of()).dataDir()).isEqualTo(Path.of("/srv/bantin"));
    }

    @Test
    @DisplayName("a malformed number or a missing file is refused with the key or path named")
    void badValues() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("BANTIN_HTTP_PORT", "eighty")))
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.properties"), Map.of()))
                .hasMessageContaining("missing.properties");
    }

    @Test
    @DisplayName("every key the loader reads is documented in the sample config")
    void sampleDocumentsEveryKey() throws Exception {
        String sample = Files.readString(Path.of("ops/bantin.sample.properties"));
        int keys = 0;
        for (java.lang.reflect.Field f : ConfigLoader.class.getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String key = (String) f.get(null);
            keys++;
            // a prefix key (media.profile.) is documented by an example of it
            String pattern = key.endsWith(".") ? key.replace(".", "\\.") + "\\S+=" : key.replace(".", "\\.") + "=";
            assertThat(sample).as(f.getName() + " = " + key).containsPattern("(?m)^#?" + pattern);
        }
        assertThat(keys).as("the loader's key constants").isGreaterThan(30);
    }
}
