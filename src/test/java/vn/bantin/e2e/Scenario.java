package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Sets up, through the management API, a commune with one loudspeaker cluster and a bulletin. */
final class Scenario {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    final HttpApi api;
    final long areaId;
    final long endpointId;
    final String enrollmentCode;

    private Scenario(HttpApi api, long areaId, long endpointId, String enrollmentCode) {
        this.api = api;
        this.areaId = areaId;
        this.endpointId = endpointId;
        this.enrollmentCode = enrollmentCode;
    }

    static Scenario speakerInCommune(HttpApi api) {
        return inCommune(api, "SPEAKER");
    }

    /** A commune with one endpoint of that kind (SPEAKER or SCREEN) and a one-time code for it. */
    static Scenario inCommune(HttpApi api, String kind) {
        long area = api.post("/api/v1/areas", new JsonObject().put("name", "Xã Gia Viên").put("zone", ZONE.getId()))
                .json().getLong("id");
        long endpoint = api.post("/api/v1/endpoints", new JsonObject().put("name", "Cụm loa tổ dân phố 3")
                .put("kind", kind).put("areaId", area)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + endpoint + "/enrollment-code", "{}").json().getString("code");
        return new Scenario(api, area, endpoint, code);
    }

    long toneAsset(Path dir, double seconds) throws Exception {
        return api.approvedAsset(Ffmpeg.tone(dir, "ban-tin-" + seconds + ".wav", seconds)).getLong("id");
    }

    /** An approved ONCE bulletin at the given instants; returns its campaign id. */
    long bulletinAt(String name, long assetId, List<Instant> starts) {
        JsonArray at = new JsonArray();
        for (Instant s : starts) {
            at.add(LocalDateTime.ofInstant(s, ZONE).truncatedTo(ChronoUnit.SECONDS).toString());
        }
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", name)
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "ONCE").put("at", at)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId))));
        if (created.status() != 201) {
            throw new IllegalStateException("campaign refused: " + created.body());
        }
        long id = created.json().getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        return id;
    }

    /** An approved LOOP window of {@code minutes} starting 3 s from now, looping the asset; returns its campaign id. */
    long loopCampaign(String name, long assetId, int minutes) {
        LocalDateTime start = LocalDateTime.now(ZONE).truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        LocalDate today = LocalDate.now(ZONE);
        JsonObject created = api.post("/api/v1/campaigns", new JsonObject().put("name", name)
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", assetId)))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP").put("windowMinutes", minutes)
                        .put("at", new JsonArray().add(start.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId)))).json();
        long id = created.getLong("id");
        api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        return id;
    }

    /** An approved relay of the live source in a window of {@code minutes} from {@code start}; returns its campaign id. */
    long relayCampaign(long sourceId, LocalDateTime start, int minutes) {
        LocalDate today = LocalDate.now(ZONE);
        HttpApi.Answer created = api.post("/api/v1/campaigns", new JsonObject().put("name", "Tiếp sóng Đài tỉnh")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray())
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "STREAM").put("sourceId", sourceId)
                        .put("windowMinutes", minutes).put("at", new JsonArray().add(start.toString()))))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(areaId))));
        if (created.status() != 201) {
            throw new IllegalStateException("relay campaign refused: " + created.body());
        }
        long id = created.json().getLong("id");
        HttpApi.Answer approved = api.post("/api/v1/campaigns/" + id + "/approve", "{}");
        if (approved.status() != 200) {
            throw new IllegalStateException("relay campaign not approved: " + approved.body());
        }
        return id;
    }

    /** The sha256 of an asset's speaker rendition: what a loudspeaker is given to play of it. */
    static String speakerRendition(JsonObject asset) {
        return asset.getJsonArray("renditions").stream().map(o -> (JsonObject) o)
                .filter(r -> r.getString("profile").startsWith("speaker")).findFirst().orElseThrow()
                .getString("sha256");
    }

    /** Whole seconds from now, so the local date-time of the slot is exact. */
    static Instant secondsAhead(int seconds) {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
    }

    List<JsonObject> playsOf(long campaignId) {
        return api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> Long.valueOf(campaignId).equals(p.getLong("campaignId"))).toList();
    }

    JsonObject endpoint() {
        return api.get("/api/v1/endpoints/" + endpointId).json();
    }
}
