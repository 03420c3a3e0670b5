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
        for (String example : java.util.List.of("push-alert.json", "push-timeline-changed.json", "push-command.json",
                "stream-heartbeat-answer.json")) {
            assertThat(Contract.violations("push-message.schema.json", Contract.json(example))).as(example).isEmpty();
        }
        assertThat(Contract.violations("push-message.schema.json", Map.of("type", "reboot"))).isNotEmpty();
    }
}
