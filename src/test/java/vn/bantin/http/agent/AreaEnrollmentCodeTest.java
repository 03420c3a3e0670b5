package vn.bantin.http.agent;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.config.ConfigLoader;
import vn.bantin.support.Browser;
import vn.bantin.support.HttpApi;
import vn.bantin.support.OffsetClock;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Area enrollment codes: a device enrolled with a commune's code waits in that commune, for its operator")
class AreaEnrollmentCodeTest {

    private static final String ENROLL = "/agent/v1/enroll";

    @TempDir
    Path dir;
    private final OffsetClock clock = new OffsetClock();
    private TestController controller;
    private HttpApi admin;
    private long communeA;
    private long communeB;
    private HttpApi operatorA;
    private HttpApi operatorB;

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString()), clock);
        admin = controller.api();
        long province = admin.post("/api/v1/areas", new JsonObject().put("name", "Tỉnh Nam Định")).json().getLong("id");
        communeA = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã Giao Thủy").put("parentId", province))
                .json().getLong("id");
        communeB = admin.post("/api/v1/areas", new JsonObject().put("name", "Xã Hải Hậu").put("parentId", province))
                .json().getLong("id");
        operatorA = controller.as(Role.OPERATOR, communeA);
        operatorB = controller.as(Role.OPERATOR, communeB);
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    @Test
    @DisplayName("the commune's operator makes the code, sees the waiting device and approves it; the neighbour can't")
    void communeOperatorApprovesOwnDevice() {
        HttpApi.Answer issued = operatorA.post("/api/v1/areas/" + communeA + "/enrollment-codes",
                new JsonObject().put("maxUses", 5));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().getString("controllerKeyFingerprint"))
                .isEqualTo(TestController.controllerKeyFingerprint(controller.baseUrl()));
        SignedAgent installer = new SignedAgent(controller.baseUrl());

        JsonObject enrolled = installer.enroll("SPEAKER", issued.json().getString("code")).json();

        assertThat(enrolled.getString("status")).isEqualTo("PENDING");
        long device = enrolled.getLong("endpointId");
        assertThat(ids(operatorA)).containsExactly(device);
        assertThat(ids(operatorB)).as("another commune's operator never sees it").isEmpty();
        assertThat(operatorA.get("/api/v1/endpoints/" + device).json().getLong("areaId")).isEqualTo(communeA);
        assertThat(operatorB.post("/api/v1/endpoints/" + device + "/approve", "{}").status()).isEqualTo(404);
        assertThat(operatorA.post("/api/v1/endpoints/" + device + "/approve",
                new JsonObject().put("areaId", communeB)).status()).as("nor can it be moved out of the commune")
                .isEqualTo(404);
        assertThat(installer.get("/agent/v1/timeline").status()).as("still waiting").isEqualTo(401);

        HttpApi.Answer approved = operatorA.post("/api/v1/endpoints/" + device + "/approve", "{}");

        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(approved.json().getLong("areaId")).isEqualTo(communeA);
        assertThat(installer.get("/agent/v1/timeline").status()).isEqualTo(200);
        JsonArray audit = admin.get("/api/v1/audit?object=endpoints/" + device).json().getJsonArray("records");
        assertThat(audit.stream().map(r -> ((JsonObject) r).getString("action")).toList())
                .contains("enroll with area code, waiting for approval", "POST /api/v1/endpoints/{id}/approve");
        JsonArray codeAudit = admin.get("/api/v1/audit?object=areas/" + communeA).json().getJsonArray("records");
        assertThat(codeAudit.encode()).as("the code itself never reaches the audit trail")
                .contains("enrollment-codes").doesNotContain(issued.json().getString("code"));
    }

    @Test
    @DisplayName("without a code the request has no area: province admins see it, commune operators don't")
    void noCodeIsForProvinceAdmins() {
        long stray = new SignedAgent(controller.baseUrl()).enroll("SPEAKER", null).json().getLong("endpointId");

        assertThat(ids(admin)).containsExactly(stray);
        assertThat(ids(operatorA)).isEmpty();
        assertThat(operatorA.post("/api/v1/endpoints/" + stray + "/approve",
                new JsonObject().put("areaId", communeA)).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/endpoints/" + stray + "/approve", new JsonObject().put("areaId", communeA))
                .json().getString("status")).isEqualTo("ACTIVE");
        assertThat(ids(operatorA)).containsExactly(stray);
    }

    @Test
    @DisplayName("only ADMIN or the area's OPERATOR makes a code; out-of-area 404, editor 403, bad bounds 400")
    void whoMayMakeACode() {
        assertThat(operatorA.post("/api/v1/areas/" + communeB + "/enrollment-codes", "{}").status()).isEqualTo(404);
        assertThat(controller.as(Role.EDITOR, communeA).post("/api/v1/areas/" + communeA + "/enrollment-codes", "{}")
                .status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/areas/999999/enrollment-codes", "{}").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/areas/" + communeA + "/enrollment-codes", new JsonObject().put("maxUses", 0))
                .status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/areas/" + communeA + "/enrollment-codes",
                new JsonObject().put("validDays", 31)).status()).isEqualTo(400);
        HttpApi.Answer byAdmin = admin.post("/api/v1/areas/" + communeB + "/enrollment-codes", "{}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        assertThat(byAdmin.json().getInteger("maxUses")).isEqualTo(20);
    }

    @Test
    @DisplayName("a used-up or expired code places nothing: 403 bad_enrollment_code and no new request")
    void usedUpAndExpired() {
        String once = operatorA.post("/api/v1/areas/" + communeA + "/enrollment-codes",
                new JsonObject().put("maxUses", 1)).json().getString("code");
        String week = operatorA.post("/api/v1/areas/" + communeA + "/enrollment-codes",
                new JsonObject().put("validDays", 7)).json().getString("code");
        assertThat(new SignedAgent(controller.baseUrl()).enroll("SCREEN", once).json().getString("status"))
                .isEqualTo("PENDING");

        SignedAgent.Reply second = new SignedAgent(controller.baseUrl()).enroll("SCREEN", once);

        assertThat(second.status()).isEqualTo(403);
        assertThat(second.code()).isEqualTo("bad_enrollment_code");
        clock.advance(Duration.ofDays(8));
        SignedAgent late = new SignedAgent(controller.baseUrl());
        byte[] body = late.enrollBody("SCREEN", week).encode().getBytes(StandardCharsets.UTF_8);
        SignedAgent.Reply expired = late.send("POST", ENROLL, body, late.sign("POST", ENROLL, body, clock.millis()));
        assertThat(expired.status()).as(expired.text()).isEqualTo(403);
        assertThat(expired.code()).isEqualTo("bad_enrollment_code");
        assertThat(ids(admin)).hasSize(1);
    }

    @Test
    @DisplayName("the area's usable codes are listed without the code; a revoked one lets no further device in")
    void listAndRevoke() {
        String codes = "/api/v1/areas/" + communeA + "/enrollment-codes";
        JsonObject first = operatorA.post(codes, new JsonObject().put("maxUses", 3)).json();
        clock.advance(Duration.ofSeconds(2));
        JsonObject second = admin.post(codes, new JsonObject().put("validDays", 2)).json();
        assertThat(new SignedAgent(controller.baseUrl()).enroll("SPEAKER", first.getString("code")).status())
                .isEqualTo(200);

        JsonArray listed = operatorA.get(codes).array();

        assertThat(listed.stream().map(o -> ((JsonObject) o).getString("ref")).toList()).as("newest first")
                .containsExactly(second.getString("ref"), first.getString("ref"));
        JsonObject used = listed.getJsonObject(1);
        assertThat(used.getInteger("uses")).isEqualTo(1);
        assertThat(used.getInteger("maxUses")).isEqualTo(3);
        assertThat(used.getLong("expiresAt")).isEqualTo(first.getLong("expiresAt"));
        assertThat(listed.encode()).as("the list never holds a code").doesNotContain(first.getString("code"))
                .doesNotContain(second.getString("code")).doesNotContain("\"code\"");
        assertThat(operatorB.get(codes).status()).as("another commune's operator").isEqualTo(404);
        assertThat(controller.as(Role.EDITOR, communeA).get(codes).status()).isEqualTo(403);
        assertThat(operatorB.post(codes + "/" + first.getString("ref") + "/revoke", "{}").status()).isEqualTo(404);

        long before = clock.millis();
        HttpApi.Answer revoked = operatorA.post(codes + "/" + first.getString("ref") + "/revoke", "{}");

        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().getLong("expiresAt")).as("ended now").isBetween(before, clock.millis());
        assertThat(operatorA.get(codes).array().stream().map(o -> ((JsonObject) o).getString("ref")).toList())
                .containsExactly(second.getString("ref"));
        SignedAgent.Reply late = new SignedAgent(controller.baseUrl()).enroll("SPEAKER", first.getString("code"));
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.code()).isEqualTo("bad_enrollment_code");
        HttpApi.Answer again = operatorA.post(codes + "/" + first.getString("ref") + "/revoke", "{}");
        assertThat(again.status()).as("a revoked code is no longer there to revoke").isEqualTo(404);
        HttpApi.Answer bad = operatorA.post(codes + "/not-a-ref/revoke", "{}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("ref");
    }

    @Test
    @DisplayName("a code is listed with the display name of the person who issued it; a token's code with its login")
    void issuerByDisplayName() {
        HttpApi.Answer made = admin.post("/api/v1/users", new JsonObject().put("username", "hai.nv")
                .put("displayName", "Nguyễn Văn Hải").put("role", "OPERATOR").put("areaId", communeA));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        Browser hai = new Browser(controller.baseUrl()).signedIn("hai.nv", made.json().getString("password"));
        String codes = "/api/v1/areas/" + communeA + "/enrollment-codes";
        HttpApi.Answer issued = hai.post(codes, new JsonObject().put("maxUses", 2));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        clock.advance(Duration.ofSeconds(2));
        operatorA.post(codes, "{}");

        JsonArray listed = hai.get(codes).array();

        JsonObject byToken = listed.getJsonObject(0);
        JsonObject byHai = listed.getJsonObject(1);
        assertThat(byHai.getString("ref")).isEqualTo(issued.json().getString("ref"));
        assertThat(byHai.getString("createdBy")).isEqualTo("hai.nv");
        assertThat(byHai.getString("issuedByName")).isEqualTo("Nguyễn Văn Hải");
        assertThat(byToken.getString("issuedByName")).as("no person by that login: the login itself")
                .isEqualTo(byToken.getString("createdBy")).isNotBlank();
        HttpApi.Answer revoked = hai.post(codes + "/" + byHai.getString("ref") + "/revoke", "{}");
        assertThat(revoked.json().getString("issuedByName")).isEqualTo("Nguyễn Văn Hải");
    }

    private static List<Long> ids(HttpApi api) {
        return api.get("/api/v1/endpoints").array().stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }
}
