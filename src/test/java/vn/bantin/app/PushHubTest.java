package vn.bantin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.support.ContractSchemas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Push hub: who gets which message, in the shape of the contract examples")
class PushHubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("src/main/resources/contract/examples");

    private static Set<String> fields(String json) throws Exception {
        Set<String> names = new java.util.TreeSet<>();
        JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("timeline changes go to every connection, alerts only to their targets; closed ones get nothing")
    void routing() throws Exception {
        PushHub hub = new PushHub();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        hub.connect(1, a::add);
        hub.connect(2, b::add);
        hub.connect(2, gone::add).run();
        assertThat(hub.connections()).isEqualTo(2);

        hub.timelineChanged(List.of(1L, 2L));
        hub.alert(7, "ACTIVE", List.of(2L, 3L));

        assertThat(a).hasSize(1);
        assertThat(b).hasSize(2);
        assertThat(gone).isEmpty();
        JsonNode alert = JSON.readTree(b.get(1));
        assertThat(alert.get("type").asText()).isEqualTo("alert");
        assertThat(alert.get("alertId").asLong()).isEqualTo(7);
        assertThat(ContractSchemas.violations("push-message.schema.json", a.get(0))).isEmpty();
        assertThat(ContractSchemas.violations("push-message.schema.json", b.get(1))).isEmpty();
        assertThat(fields(a.get(0))).isEqualTo(fields(Files.readString(EXAMPLES.resolve("push-timeline-changed.json"))));
        assertThat(fields(b.get(1))).isEqualTo(fields(Files.readString(EXAMPLES.resolve("push-alert.json"))));
    }
}
