package vn.bantin.ui;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Live enrollment requests: endpoint.enrollment reaches the people of the request's area, and no one else")
class EnrollmentEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration NONE = Duration.ofMillis(300);
    private static final String EVENT = "endpoint.enrollment";

    @TempDir
    Path dir;

    private TestController controller;
    private HttpApi admin;
    private long communeA;
    private EventStream everyArea;
    private EventStream operatorA;
    private EventStream operatorB;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        admin = controller.api();
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Nam Định")).json().getLong("id");
        communeA = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã Giao Thủy").put("parentId", province))
                .json().getLong("id");
        long communeB = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã Hải Hậu")
                .put("parentId", province)).json().getLong("id");
        String base = controller.baseUrl();
        everyArea = new EventStream(base, controller.token(), null);
        operatorA = new EventStream(base, controller.as(Role.OPERATOR, communeA).token(), null);
        operatorB = new EventStream(base, controller.as(Role.OPERATOR, communeB).token(), null);
        assertThat(everyArea.status()).isEqualTo(200);
        assertThat(operatorA.status()).isEqualTo(200);
        assertThat(operatorB.status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        everyArea.close();
        operatorA.close();
        operatorB.close();
        controller.close();
    }

    @Test
    @DisplayName("a device enrolling with a commune's code is announced there at once; approving it is announced too")
    void areaCodeRequestReachesItsCommune() throws Exception {
        String code = admin.post("/api/v1/areas/" + communeA + "/enrollment-codes", "{}").json().getString("code");
        SignedAgent installer = new SignedAgent(controller.baseUrl());
        long device = installer.post("/agent/v1/enroll", installer.enrollBody("SPEAKER", code).put("name", "Loa chợ"))
                .json().getLong("endpointId");

        JsonObject asked = operatorA.next(EVENT, d -> d.getLong("endpointId") == device, WAIT).data();

        assertThat(asked.getString("status")).isEqualTo("PENDING");
        assertThat(asked.getString("name")).isEqualTo("Loa chợ");
        assertThat(asked.getString("kind")).isEqualTo("SPEAKER");
        assertThat(asked.getLong("areaId")).isEqualTo(communeA);
        everyArea.next(EVENT, d -> d.getLong("endpointId") == device, WAIT);

        assertThat(admin.post("/api/v1/endpoints/" + device + "/approve", "{}").status()).isEqualTo(200);

        assertThat(operatorA.next(EVENT, d -> d.getLong("endpointId") == device, WAIT).data().getString("status"))
                .isEqualTo("ACTIVE");
        everyArea.next(EVENT, d -> d.getLong("endpointId") == device && "ACTIVE".equals(d.getString("status")), WAIT);
        assertThatThrownBy(() -> operatorB.next(EVENT, d -> true, NONE)).as("the neighbouring commune hears nothing")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("a request without a code reaches full-scope people only, until it is placed in a commune")
    void requestWithoutCodeReachesProvinceOnly() throws Exception {
        long stray = new SignedAgent(controller.baseUrl()).enroll("SCREEN", null).json().getLong("endpointId");

        JsonObject asked = everyArea.next(EVENT, d -> d.getLong("endpointId") == stray, WAIT).data();
        assertThat(asked.getValue("areaId")).isNull();
        assertThat(asked.getString("status")).isEqualTo("PENDING");

        assertThat(admin.post("/api/v1/endpoints/" + stray + "/approve", new JsonObject().put("areaId", communeA))
                .status()).isEqualTo(200);

        JsonObject placed = operatorA.next(EVENT, d -> d.getLong("endpointId") == stray, WAIT).data();
        assertThat(placed.getString("status")).as("its commune learns of it once placed there").isEqualTo("ACTIVE");
        assertThat(placed.getLong("areaId")).isEqualTo(communeA);
        assertThatThrownBy(() -> operatorA.next(EVENT, d -> "PENDING".equals(d.getString("status")), NONE))
                .as("the commune never saw the unplaced request").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> operatorB.next(EVENT, d -> true, NONE)).isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("a request moved to another commune on approval leaves the first commune's list too; a rejection is told")
    void movedAndRejected() throws Exception {
        long communeC = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã Nghĩa Hưng")).json().getLong("id");
        String code = admin.post("/api/v1/areas/" + communeA + "/enrollment-codes", "{}").json().getString("code");
        long moved = new SignedAgent(controller.baseUrl()).enroll("SPEAKER", code).json().getLong("endpointId");
        long refused = new SignedAgent(controller.baseUrl()).enroll("SPEAKER", code).json().getLong("endpointId");
        operatorA.next(EVENT, d -> d.getLong("endpointId") == moved, WAIT);
        operatorA.next(EVENT, d -> d.getLong("endpointId") == refused, WAIT);

        admin.post("/api/v1/endpoints/" + moved + "/approve", new JsonObject().put("areaId", communeC));
        admin.post("/api/v1/endpoints/" + refused + "/reject", "{}");

        JsonObject gone = operatorA.next(EVENT, d -> d.getLong("endpointId") == moved, WAIT).data();
        assertThat(gone.getString("status")).isEqualTo("ACTIVE");
        assertThat(gone.getLong("areaId")).isEqualTo(communeC);
        assertThat(operatorA.next(EVENT, d -> d.getLong("endpointId") == refused, WAIT).data().getString("status"))
                .isEqualTo("REVOKED");
    }
}
