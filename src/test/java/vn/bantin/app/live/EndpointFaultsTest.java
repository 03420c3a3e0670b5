package vn.bantin.app.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.EndpointStatus;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The faults the dashboard lists for an endpoint, from its latest heartbeat")
class EndpointFaultsTest {

    private static JsonObject heartbeat(JsonArray faults) {
        return new JsonObject().put("diskFreeBytes", 8_000_000_000L).put("clockOffsetMs", 0).put("spooledRecords", 0)
                .put("faults", faults);
    }

    private static JsonObject fault(String code, boolean active) {
        return new JsonObject().put("code", code).put("detail", "d").put("at", 1L).put("active", active);
    }

    @Test
    @DisplayName("a fault the agent reports as cleared since its last heartbeat (active: false) is not listed")
    void clearedFaultsAreHistory() {
        var faults = EndpointFaults.of(EndpointStatus.ACTIVE, true,
                heartbeat(new JsonArray().add(fault("amp_failed", false)).add(fault("disk_full", true))));
        assertThat(faults).containsExactly("disk_full");
    }

    @Test
    @DisplayName("a code reported twice is listed once; facts out of bounds add their own codes")
    void onceEach() {
        var beat = heartbeat(new JsonArray().add(fault("amp_failed", true)).add(fault("amp_failed", true)))
                .put("diskFreeBytes", 1000).put("clockOffsetMs", 9000);
        assertThat(EndpointFaults.of(EndpointStatus.ACTIVE, true, beat))
                .containsExactly("disk_low", "clock_off", "amp_failed");
    }

    @Test
    @DisplayName("an offline endpoint is listed as offline only: its last heartbeat's faults are stale")
    void offline() {
        assertThat(EndpointFaults.of(EndpointStatus.ACTIVE, false,
                heartbeat(new JsonArray().add(fault("amp_failed", true))))).containsExactly("offline");
    }
}
