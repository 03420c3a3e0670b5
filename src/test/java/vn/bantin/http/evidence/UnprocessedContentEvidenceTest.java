package vn.bantin.http.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.HttpApi;
import vn.bantin.support.SignedAgent;

/**
 * A bulletin whose content the media pipeline could not process (a real upload of two seconds of silence, refused
 * by processing) never reaches the speaker's timeline; the evidence still expects it and records it dropped with
 * the reason in words, so once due the report lists it as an exception instead of a silent gap.
 */
@DisplayName("Content not processed in time is a dropped broadcast with its reason, listed in the report")
class UnprocessedContentEvidenceTest {

    @TempDir
    Path dir;

    @Test
    void unprocessedBulletinIsAnExceptionWithItsReason() throws Exception {
        try (PlanWorld world = new PlanWorld(dir)) {
            long speaker = world.speaker("Cụm loa tổ 3");
            SignedAgent agent = new SignedAgent(world.controller.baseUrl());
            String code = world.api.post("/api/v1/endpoints/" + speaker + "/enrollment-code", "{}").json()
                    .getString("code");
            assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
            Path silent = dir.resolve("im-lang.wav");
            Ffmpeg.run("-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "2", silent.toString());
            long asset = world.api.upload(silent, "im-lang.wav").json().getLong("id");
            Eventually.within(Duration.ofSeconds(90), () -> assertThat(world.api.get("/api/v1/assets/" + asset).json()
                    .getString("status")).isEqualTo("FAILED"));
            assertThat(world.api.post("/api/v1/assets/" + asset + "/approve", "{}").status()).isEqualTo(200);
            Instant due = Instant.ofEpochMilli(world.clock.millis()).plus(Duration.ofMinutes(10));
            JsonObject body = world.campaignBody("Bản tin chưa xử lý", "NORMAL", PlanWorld.onceAt(due, 0))
                    .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset)));
            HttpApi.Answer created = world.api.post("/api/v1/campaigns", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long campaign = created.json().getLong("id");
            world.approve(campaign);

            Eventually.within(Duration.ofSeconds(20), () -> {
                JsonObject item = planned(world, speaker, campaign);
                assertThat(item.getString("state")).isEqualTo("DROPPED");
                assertThat(item.getString("text")).startsWith("Bị loại khỏi lịch phát: Nội dung chưa xử lý xong:"
                        + " «im-lang.wav» (xử lý lỗi)").contains("Content not processed yet");
            });
            JsonArray entries = agent.get("/agent/v1/timeline").json().getJsonArray("entries");
            assertThat(entries.stream().map(JsonObject.class::cast).filter(e -> e.getLong("campaignId") == campaign))
                    .isEmpty();

            world.clock.advance(Duration.ofMinutes(20));
            HttpApi.Answer exceptions = world.api.get("/api/v1/reports/exceptions?period=today&areaId="
                    + world.areaId);
            assertThat(exceptions.status()).as(exceptions.body()).isEqualTo(200);
            JsonObject exception = exceptions.json().getJsonArray("items").stream().map(JsonObject.class::cast)
                    .filter(i -> i.getLong("campaignId") == campaign).findFirst().orElseThrow();
            assertThat(exception.getString("status")).isEqualTo("DROPPED");
            assertThat(exception.getString("statusName")).isEqualTo("Bị loại khỏi lịch phát");
            assertThat(exception.getString("explanation")).startsWith("Nội dung chưa xử lý xong: «im-lang.wav»");
            JsonObject line = world.api.get("/api/v1/reports?period=today&areaId=" + world.areaId).json()
                    .getJsonArray("campaigns").stream().map(JsonObject.class::cast)
                    .filter(l -> String.valueOf(campaign).equals(l.getString("key"))).findFirst().orElseThrow();
            assertThat(line.getJsonObject("broadcasts").getLong("expected")).isEqualTo(1);
            assertThat(line.getJsonObject("broadcasts").getLong("exceptions")).isEqualTo(1);
        }
    }

    private static JsonObject planned(PlanWorld world, long endpointId, long campaignId) {
        return world.items(endpointId, world.today(), world.today().plusDays(1)).stream()
                .filter(i -> i.getLong("campaignId") == campaignId).findFirst()
                .orElseThrow(() -> new AssertionError("campaign " + campaignId + " not in the plan"));
    }
}
