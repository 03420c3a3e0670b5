package vn.bantin.http.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.file.Path;
import java.time.LocalDate;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The whole lifecycle: edit, archive, delete with the rules a user expects; lists page, filter, sort")
class LifecycleApiTest {

    @TempDir
    static Path dir;
    static TestController controller;
    static HttpApi api;
    static long commune;
    static long speaker;

    @BeforeAll
    static void start() throws Exception {
        controller = TestController.start(dir.resolve("data"));
        api = controller.api();
        commune = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Bom Bo")).json().getLong("id");
        speaker = api.post("/api/v1/endpoints", new JsonObject().put("name", "Loa").put("kind", "SPEAKER")
                .put("areaId", commune)).json().getLong("id");
    }

    @AfterAll
    static void stop() {
        controller.close();
    }

    private static JsonObject campaign(long asset) {
        return new JsonObject().put("name", "Bản tin").put("startDate", LocalDate.now().toString())
                .put("endDate", LocalDate.now().plusDays(3).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("cron", "0 6 * * *")))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(commune)));
    }

    private static int entriesTomorrow() {
        return api.get("/api/v1/preview?endpointId=" + speaker + "&date=" + LocalDate.now().plusDays(1)).json()
                .getJsonArray("endpoints").getJsonObject(0).getJsonArray("entries").size();
    }

    @Test
    @DisplayName("a used asset is archived, not deleted; an approved campaign is archived (off the air) before deletion")
    void contentAndCampaigns() throws Exception {
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "a.wav", 1)).getLong("id");
        long id = api.post("/api/v1/campaigns", campaign(asset)).json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        assertThat(entriesTomorrow()).isEqualTo(1);

        HttpApi.Answer used = api.delete("/api/v1/assets/" + asset);
        assertThat(used.status()).isEqualTo(409);
        assertThat(used.json().getString("code")).isEqualTo("in_use");
        assertThat(used.json().getString("error")).contains("Bản tin", "archive");
        assertThat(api.delete("/api/v1/campaigns/" + id).json().getString("code")).isEqualTo("archive_first");

        JsonObject archived = api.post("/api/v1/campaigns/" + id + "/archive", "{}").json();
        assertThat(archived.getJsonObject("approval").getString("status")).isEqualTo("ARCHIVED");
        assertThat(entriesTomorrow()).isZero();
        assertThat(api.delete("/api/v1/campaigns/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/campaigns/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/assets/" + asset).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/assets/" + asset).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("endpoints and areas are edited; an area with things in it is kept; an empty one goes")
    void endpointsAndAreas() {
        HttpApi.Answer renamed = api.put("/api/v1/endpoints/" + speaker, new JsonObject().put("name", "Loa cổng chợ")
                .put("tags", new JsonArray().add("cho")));
        assertThat(renamed.json().getString("name")).isEqualTo("Loa cổng chợ");
        assertThat(renamed.json().getJsonArray("tags")).containsExactly("cho");
        assertThat(api.put("/api/v1/endpoints/" + speaker, new JsonObject().put("name", "")).status()).isEqualTo(400);

        HttpApi.Answer area = api.put("/api/v1/areas/" + commune, new JsonObject().put("name", "Xã Bom Bo (mới)")
                .put("quietHours", new JsonObject().put("from", "22:00").put("to", "05:00")));
        assertThat(area.json().getString("name")).isEqualTo("Xã Bom Bo (mới)");
        assertThat(area.json().getJsonObject("quietHours").getString("from")).isEqualTo("22:00");

        HttpApi.Answer kept = api.delete("/api/v1/areas/" + commune);
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().getString("code")).isEqualTo("in_use");
        long empty = api.post("/api/v1/areas", new JsonObject().put("name", "Thôn trống").put("parentId", commune))
                .json().getLong("id");
        assertThat(api.delete("/api/v1/areas/" + empty).status()).isEqualTo(204);
        long spare = api.post("/api/v1/endpoints", new JsonObject().put("name", "Dự phòng").put("kind", "SCREEN")
                .put("areaId", commune)).json().getLong("id");
        assertThat(api.delete("/api/v1/endpoints/" + spare).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("a slot is deleted like an edit (back to DRAFT, off the air); the last slot stays; audited")
    void slots() throws Exception {
        long asset = api.approvedAsset(Ffmpeg.tone(dir, "s.wav", 2)).getLong("id");
        JsonObject body = campaign(asset);
        body.getJsonArray("slots").add(new JsonObject().put("mode", "ONCE").put("cron", "0 7 * * *"));
        long id = api.post("/api/v1/campaigns", body).json().getLong("id");
        long other = api.post("/api/v1/campaigns", campaign(asset)).json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        int before = entriesTomorrow();
        JsonArray slots = api.get("/api/v1/campaigns/" + id).json().getJsonArray("slots");
        long otherSlot = api.get("/api/v1/campaigns/" + other).json().getJsonArray("slots").getJsonObject(0).getLong("id");

        assertThat(api.delete("/api/v1/campaigns/" + id + "/slots/" + otherSlot).status()).isEqualTo(404);
        HttpApi.Answer deleted = api.delete("/api/v1/campaigns/" + id + "/slots/" + slots.getJsonObject(0).getLong("id"));
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().getJsonArray("slots")).hasSize(1);
        assertThat(deleted.json().getJsonArray("slots").getJsonObject(0).getString("cron")).isEqualTo("0 7 * * *");
        assertThat(deleted.json().getJsonObject("approval").getString("status")).isEqualTo("DRAFT");
        assertThat(entriesTomorrow()).isEqualTo(before - 2);

        long last = deleted.json().getJsonArray("slots").getJsonObject(0).getLong("id");
        HttpApi.Answer kept = api.delete("/api/v1/campaigns/" + id + "/slots/" + last);
        assertThat(kept.status()).isEqualTo(409);
        assertThat(kept.json().getString("code")).isEqualTo("last_slot");
        long deadline = System.currentTimeMillis() + 10_000;
        while (api.get("/api/v1/audit?object=campaigns/" + id).json().getJsonArray("records").stream()
                .noneMatch(r -> ((JsonObject) r).getString("action").equals("DELETE /api/v1/campaigns/{id}/slots/{slotId}")
                        && ((JsonObject) r).getInteger("outcome") == 200)) {
            assertThat(System.currentTimeMillis()).as("audit record of the slot deletion").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(api.delete("/api/v1/campaigns/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/campaigns/" + other).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("lists page (bounded), filter by field or word, and sort; the total is in X-Total-Count")
    void paging() {
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/endpoints", new JsonObject().put("name", "Màn hình " + (char) ('E' - i)).put("kind", "SCREEN")
                    .put("areaId", commune));
        }
        HttpApi.Answer page = api.get("/api/v1/endpoints?kind=SCREEN&sort=name&limit=2&offset=1");
        assertThat(Integer.parseInt(page.header("X-Total-Count"))).isGreaterThanOrEqualTo(5);
        List<String> names = page.array().stream().map(o -> ((JsonObject) o).getString("name")).toList();
        assertThat(names).containsExactly("Màn hình B", "Màn hình C");
        assertThat(api.get("/api/v1/endpoints?q=hình%20e").array()).hasSize(1);
        assertThat(api.get("/api/v1/endpoints?sort=-id&limit=1").array().getJsonObject(0).getString("name"))
                .isEqualTo("Màn hình A");
        for (String name : List.of("Loa công suất 50% (thôn 1)", "Loa A+B", "Loa Đồng Tâm & Hòa Bình")) {
            api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER").put("areaId", commune));
        }
        for (String word : List.of("50%", "A+B", "đồng tâm", "& Hòa", "%", "+")) {
            HttpApi.Answer found = api.get("/api/v1/endpoints?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
            assertThat(found.status()).as(word).isEqualTo(200);
            assertThat(found.array()).as(word).hasSize(1);
        }
        HttpApi.Answer tooMany = api.get("/api/v1/endpoints?limit=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().getString("error")).contains("limit");
    }
}
