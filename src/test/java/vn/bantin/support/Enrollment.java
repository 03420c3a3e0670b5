package vn.bantin.support;

import io.vertx.core.json.JsonObject;

import static org.assertj.core.api.Assertions.assertThat;

/** Areas and enrolled devices set up through the management API and the agent API, as an installer does. */
public final class Enrollment {

    private Enrollment() {
    }

    /** A commune in Vietnam's time zone; returns its id. */
    public static long commune(HttpApi api) {
        return api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên").put("zone", "Asia/Ho_Chi_Minh"))
                .json().getLong("id");
    }

    /** A SPEAKER endpoint named {@code name} in the area, with {@code agent} enrolled by its one-time code; returns its id. */
    public static long speaker(HttpApi api, long areaId, String name, SignedAgent agent) {
        long endpointId = api.post("/api/v1/endpoints", new JsonObject().put("name", name)
                .put("kind", "SPEAKER").put("areaId", areaId)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpointId + "/enrollment-code", "{}").json().getString("code");
        SignedAgent.Reply enrolled = agent.enroll("SPEAKER", code);
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(200);
        return endpointId;
    }
}
