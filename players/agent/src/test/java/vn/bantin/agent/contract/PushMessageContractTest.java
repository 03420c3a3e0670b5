package vn.bantin.agent.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Contract: push messages on /agent/v1/stream")
class PushMessageContractTest {

    @Test
    @DisplayName("the push examples are push messages by the schema, and a message of no known type is not")
    void examples() {
        assertThat(Contract.violations("push-message.schema.json", Contract.json("push-alert.json"))).isEmpty();
        assertThat(Contract.violations("push-message.schema.json", Contract.json("push-timeline-changed.json")))
                .isEmpty();
        assertThat(Contract.violations("push-message.schema.json", Map.of("type", "reboot"))).isNotEmpty();
    }
}
