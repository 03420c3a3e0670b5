package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.Browser;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Approval before air: DRAFT → SUBMITTED → APPROVED/REJECTED with who and when, four eyes, airtime caps")
class ApprovalApiTest {

    @TempDir
    static Path dir;
    static TestController controller;
    static long commune;
    static long speaker;
    static HttpApi editor;
    static HttpApi approver;
    static HttpApi operator;
    static HttpApi communeAdmin;
    static long asset;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        commune = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Xã Bom Bo")).json().getLong("id");
        long hamlet = controller.api().post("/api/v1/areas", new JsonObject().put("name", "Thôn Sơn Lang")
                .put("parentId", commune)).json().getLong("id");
        speaker = controller.api().post("/api/v1/endpoints", new JsonObject().put("name", "Loa thôn")
                .put("kind", "SPEAKER").put("areaId", hamlet)).json().getLong("id");
        editor = controller.as(Role.EDITOR, commune);
        approver = controller.as(Role.APPROVER, commune);
        operator = controller.as(Role.OPERATOR, commune);
        communeAdmin = controller.as(Role.ADMIN, commune);
        asset = editor.upload(Ffmpeg.tone(dir, "ban-tin.wav", 2), "ban-tin.wav").json().getLong("id");
        editor.processed(asset);
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    static JsonObject campaign(String name, String cron) {
        LocalDate today = LocalDate.now();
        return new JsonObject().put("name", name).put("startDate", today.toString())
                .put("endDate", today.plusDays(5).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", cron)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune)));
    }

    @Test
    @DisplayName("each step names its person as people know them (byName) beside the login that took it (by)")
    void stepsNameThePerson() {
        HttpApi.Answer made = controller.api().post("/api/v1/users", new JsonObject().put("username", "lan.nt")
                .put("displayName", "Nguyễn Thị Lan").put("role", "EDITOR").put("areaId", commune));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        Browser lan = new Browser(controller.baseUrl()).signedIn("lan.nt", made.json().getString("password"));
        long mine = lan.post("/api/v1/tts", new JsonObject().put("text", "Thông báo họp thôn").put("name", "Họp thôn"))
                .json().getLong("id");

        JsonArray history = lan.post("/api/v1/assets/" + mine + "/submit", "{}").json().getJsonObject("approval")
                .getJsonArray("history");
        controller.api().processed(mine);
        HttpApi.Answer approval = approver.post("/api/v1/assets/" + mine + "/approve", "{}");
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        JsonArray after = lan.get("/api/v1/assets/" + mine).json().getJsonObject("approval").getJsonArray("history");

        JsonObject submitted = history.getJsonObject(history.size() - 1);
        assertThat(submitted.getString("by")).isEqualTo("lan.nt");
        assertThat(submitted.getString("byName")).isEqualTo("Nguyễn Thị Lan");
        JsonObject approved = after.getJsonObject(after.size() - 1);
        assertThat(approved.getString("byName")).as("a token: its own name").isEqualTo(approved.getString("by"))
                .isNotBlank();
    }

    private static int entriesTomorrow() {
        String day = LocalDate.now().plusDays(1).toString();
        return controller.api().get("/api/v1/preview?endpointId=" + speaker + "&date=" + day).json()
                .getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries").size();
    }

    private static List<String> steps(JsonObject item) {
        return item.getJsonObject("approval").getJsonArray("history").stream()
                .map(o -> ((JsonObject) o).getString("step")).toList();
    }

    private static String status(HttpApi.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().getJsonObject("approval").getString("status");
    }

    @Test
    @DisplayName("only approved content and campaigns air; the submitter never approves their own; edits go back to DRAFT")
    void lifecycle() throws Exception {
        long own = editor.upload(Ffmpeg.tone(dir, "ban-tin-rieng.wav", 3), "ban-tin-rieng.wav").json().getLong("id");
        editor.processed(own);
        assertThat(status(editor.get("/api/v1/assets/" + own))).isEqualTo("DRAFT");
        assertThat(status(editor.post("/api/v1/assets/" + own + "/submit", "{}"))).isEqualTo("SUBMITTED");
        JsonObject approvedAsset = approver.post("/api/v1/assets/" + own + "/approve", "{}").json();
        assertThat(approvedAsset.getBoolean("approved")).isTrue();
        assertThat(steps(approvedAsset)).containsExactly("CREATED", "SUBMITTED", "APPROVED");
        JsonObject approvedStep = approvedAsset.getJsonObject("approval").getJsonArray("history").getJsonObject(2);
        assertThat(approvedStep.getString("by")).startsWith("token:APPROVER");
        assertThat(approvedStep.getLong("at")).isPositive();

        JsonObject body = campaign("Bản tin sáng", "0 6 * * *");
        body.getJsonArray("playlist").getJsonObject(0).put("assetId", own);
        long id = editor.post("/api/v1/campaigns", body).json().getLong("id");
        assertThat(status(editor.get("/api/v1/campaigns/" + id))).isEqualTo("DRAFT");
        assertThat(entriesTomorrow()).isZero();
        assertThat(approver.post("/api/v1/campaigns/" + id + "/approve", "{}").json().getString("code"))
                .isEqualTo("not_submitted");
        assertThat(status(editor.post("/api/v1/campaigns/" + id + "/submit", "{}"))).isEqualTo("SUBMITTED");
        assertThat(editor.post("/api/v1/campaigns/" + id + "/approve", "{}").status()).isEqualTo(403);
        assertThat(status(approver.post("/api/v1/campaigns/" + id + "/approve", "{}"))).isEqualTo("APPROVED");
        assertThat(entriesTomorrow()).isEqualTo(1);

        HttpApi.Answer edited = editor.put("/api/v1/campaigns/" + id, body.copy().put("name", "Bản tin sáng (sửa)"));
        assertThat(status(edited)).isEqualTo("DRAFT");
        assertThat(edited.json().getString("name")).isEqualTo("Bản tin sáng (sửa)");
        assertThat(steps(edited.json())).endsWith("RETURNED");
        assertThat(entriesTomorrow()).isZero();

        editor.post("/api/v1/campaigns/" + id + "/submit", "{}");
        assertThat(approver.post("/api/v1/campaigns/" + id + "/reject", "{}").json().getString("code"))
                .isEqualTo("missing_field");
        HttpApi.Answer rejected = approver.post("/api/v1/campaigns/" + id + "/reject", new JsonObject()
                .put("reason", "Sai giờ phát"));
        assertThat(status(rejected)).isEqualTo("REJECTED");
        JsonArray history = rejected.json().getJsonObject("approval").getJsonArray("history");
        assertThat(history.getJsonObject(history.size() - 1).getString("reason")).isEqualTo("Sai giờ phát");
        assertThat(entriesTomorrow()).isZero();
    }

    @Test
    @DisplayName("an ADMIN who submitted may not approve it either, unless the area allows self-approval")
    void fourEyesAndSelfApproval() {
        long id = communeAdmin.post("/api/v1/campaigns", campaign("Thông báo", "0 7 * * *")).json().getLong("id");
        communeAdmin.post("/api/v1/campaigns/" + id + "/submit", "{}");
        assertThat(communeAdmin.post("/api/v1/campaigns/" + id + "/approve", "{}").json().getString("code"))
                .isEqualTo("own_submission");

        HttpApi.Answer policy = controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject()
                .put("selfApproval", true));
        assertThat(policy.json().getBoolean("selfApproval")).isTrue();
        assertThat(status(communeAdmin.post("/api/v1/campaigns/" + id + "/approve", "{}"))).isEqualTo("APPROVED");
        controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject().put("selfApproval", false));
        communeAdmin.post("/api/v1/campaigns/" + id + "/unapprove", "{}");
    }

    @Test
    @DisplayName("an OPERATOR's emergency alert airs at once and is flagged for an approver's review afterwards")
    void alertReview() {
        JsonObject body = new JsonObject().put("title", "Bão số 3").put("audioAssetId", asset)
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune)));
        controller.api().post("/api/v1/assets/" + asset + "/approve", "{}");
        HttpApi.Answer fired = operator.post("/api/v1/alerts", body);
        assertThat(fired.status()).as(fired.body()).isEqualTo(201);
        assertThat(fired.json().getString("status")).isEqualTo("ACTIVE");
        assertThat(fired.json().getJsonObject("review").getString("status")).isEqualTo("PENDING");
        long id = fired.json().getLong("id");

        assertThat(operator.post("/api/v1/alerts/" + id + "/review", "{}").status()).isEqualTo(403);
        JsonObject reviewed = approver.post("/api/v1/alerts/" + id + "/review", new JsonObject()
                .put("note", "Đúng quy trình")).json().getJsonObject("review");
        assertThat(reviewed.getString("status")).isEqualTo("REVIEWED");
        assertThat(reviewed.getString("reviewedBy")).startsWith("token:APPROVER");
        assertThat(approver.post("/api/v1/alerts/" + id + "/review", "{}").json().getString("code"))
                .isEqualTo("no_review_pending");

        HttpApi.Answer byApprover = approver.post("/api/v1/alerts", body.copy().put("title", "Kiểm tra"));
        assertThat(byApprover.json().getValue("review")).isNull();
    }

    @Test
    @DisplayName("an area's airtime cap (3 sessions a day, 45 minutes each) refuses a plan that breaks it, with the reason")
    void airtimeCap() {
        controller.api().post("/api/v1/assets/" + asset + "/approve", "{}");
        controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject().put("selfApproval", false)
                .put("maxSpeakerSessionsPerDay", 3).put("maxSpeakerSessionMinutes", 45));
        try {
            HttpApi.Answer four = editor.post("/api/v1/campaigns", campaign("Bốn lần", "0 6,8,10,12 * * *"));
            assertThat(four.status()).isEqualTo(409);
            assertThat(four.json().getString("code")).isEqualTo("airtime");
            assertThat(four.json().getString("error")).contains("Xã Bom Bo", "4 sessions on", "at most 3");

            JsonObject loop = campaign("Phát lặp", "0 6 * * *");
            loop.getJsonArray("slots").getJsonObject(0).put("mode", "LOOP").put("windowMinutes", 60);
            assertThat(editor.post("/api/v1/campaigns", loop).json().getString("error")).contains("60 minutes",
                    "at most 45");

            long two = controller.api().post("/api/v1/campaigns", campaign("Hai lần", "0 6,8 * * *")).json()
                    .getLong("id");
            controller.api().post("/api/v1/campaigns/" + two + "/approve", "{}");
            assertThat(editor.post("/api/v1/campaigns", campaign("Hai lần nữa", "0 10,12 * * *")).json()
                    .getString("error")).contains("4 sessions on");
            assertThat(editor.post("/api/v1/campaigns", campaign("Một lần", "0 10 * * *")).status()).isEqualTo(201);
            controller.api().post("/api/v1/campaigns/" + two + "/unapprove", "{}");
        } finally {
            controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject());
        }
    }

    @Test
    @DisplayName("quiet hours and the airtime cap are checked again at approval, as they stand then")
    void rulesAtApproval() {
        controller.api().post("/api/v1/assets/" + asset + "/approve", "{}");
        controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject().put("selfApproval", false)
                .put("maxSpeakerSessionsPerDay", 3));
        try {
            long first = editor.post("/api/v1/campaigns", campaign("Sáng", "0 6,8 * * *")).json().getLong("id");
            long second = editor.post("/api/v1/campaigns", campaign("Trưa", "0 10,12 * * *")).json().getLong("id");
            editor.post("/api/v1/campaigns/" + first + "/submit", "{}");
            editor.post("/api/v1/campaigns/" + second + "/submit", "{}");
            assertThat(status(approver.post("/api/v1/campaigns/" + first + "/approve", "{}"))).isEqualTo("APPROVED");
            HttpApi.Answer over = approver.post("/api/v1/campaigns/" + second + "/approve", "{}");
            assertThat(over.status()).isEqualTo(409);
            assertThat(over.json().getString("code")).isEqualTo("airtime");
            assertThat(over.json().getString("error")).contains("4 sessions on", "at most 3");
            assertThat(status(editor.get("/api/v1/campaigns/" + second))).isEqualTo("SUBMITTED");
            approver.post("/api/v1/campaigns/" + first + "/unapprove", "{}");
            controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject());

            long evening = editor.post("/api/v1/campaigns", campaign("Tối", "0 20 * * *")).json().getLong("id");
            editor.post("/api/v1/campaigns/" + evening + "/submit", "{}");
            controller.api().put("/api/v1/areas/" + commune, new JsonObject().put("name", "Xã Bom Bo")
                    .put("quietHours", new JsonObject().put("from", "19:30").put("to", "05:30")));
            HttpApi.Answer quiet = approver.post("/api/v1/campaigns/" + evening + "/approve", "{}");
            assertThat(quiet.status()).isEqualTo(409);
            assertThat(quiet.json().getString("code")).isEqualTo("quiet_hours");
            assertThat(status(editor.get("/api/v1/campaigns/" + evening))).isEqualTo("SUBMITTED");
        } finally {
            controller.api().put("/api/v1/areas/" + commune + "/policy", new JsonObject());
            controller.api().put("/api/v1/areas/" + commune, new JsonObject().put("name", "Xã Bom Bo"));
        }
    }
}
