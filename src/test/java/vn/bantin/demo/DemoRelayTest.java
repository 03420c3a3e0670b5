package vn.bantin.demo;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.support.AgentProcess;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.TestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The demo relays its stand-in provincial station on the loudspeaker within two minutes of seeding")
class DemoRelayTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;

    @Test
    @DisplayName("seeded source and approved relay; the real speaker agent goes on the air with 'Đài tỉnh (mô phỏng)'")
    void newcomerSeesTheRelaySoon() throws Exception {
        String token = "demo-" + UUID.randomUUID();
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), token, StandardCharsets.UTF_8);
        try (TestController controller = TestController.start(dir.resolve("controller"), 0, 64L * 1024 * 1024, token);
             DemoStation station = DemoStation.start(dir.resolve("station"), 0,
                     Path.of("media", "demo", "dai-tinh-mo-phong.mp3"))) {
            Path agents = dir.resolve("agents");
            long seededAt = System.currentTimeMillis();
            DemoSeeder.main(new String[] {controller.baseUrl(), tokenFile.toString(), "media/demo", agents.toString(),
                "--station-url", station.url()});

            HttpApi api = controller.api();
            List<JsonObject> sources = api.get("/api/v1/sources").array().stream().map(o -> (JsonObject) o).toList();
            assertThat(sources).singleElement().satisfies(s -> {
                assertThat(s.getString("name")).isEqualTo("Đài tỉnh (mô phỏng)");
                assertThat(s.getString("url")).isEqualTo(station.url());
            });
            JsonObject relay = api.get("/api/v1/campaigns").array().stream().map(o -> (JsonObject) o)
                    .filter(c -> c.getString("name").equals("Tiếp sóng Đài tỉnh")).findFirst().orElseThrow();
            assertThat(relay.getJsonObject("approval").getString("status")).isEqualTo("APPROVED");
            assertThat(relay.getJsonArray("slots").getJsonObject(0).getString("mode")).isEqualTo("STREAM");
            long speaker = api.get("/api/v1/endpoints").array().stream().map(o -> (JsonObject) o)
                    .filter(e -> e.getString("kind").equals("SPEAKER")).findFirst().orElseThrow().getLong("id");

            try (AgentProcess agent = AgentProcess.configure(dir.resolve("agent"), controller.baseUrl(), "SPEAKER",
                    Files.readString(agents.resolve("speaker.code")).strip()).start()) {
                // on the air 75 s after seeding: what the dashboard shows as "Tiếp sóng: Đài tỉnh (mô phỏng)"
                Eventually.within(Duration.ofSeconds(150), () -> {
                    JsonObject summary = api.get("/api/v1/dashboard?endpointId=" + speaker).json()
                            .getJsonArray("endpoints").getJsonObject(0);
                    JsonObject playing = summary.getJsonObject("nowPlaying");
                    assertThat(playing).as(agent.log()).isNotNull();
                    assertThat(playing.getString("campaignName")).isEqualTo("Tiếp sóng Đài tỉnh");
                    JsonObject entry = summary.getJsonArray("schedule").stream().map(o -> (JsonObject) o)
                            .filter(e -> e.getString("entryId").equals(playing.getString("entryId")))
                            .findFirst().orElseThrow();
                    assertThat(entry.getString("mode")).isEqualTo("STREAM");
                    assertThat(entry.getJsonObject("stream").getString("name")).isEqualTo("Đài tỉnh (mô phỏng)");
                });
                assertThat(System.currentTimeMillis() - seededAt).as("on the air within two minutes of seeding (load %s);"
                        + " agent log:%n%s", Files.readString(Path.of("/proc/loadavg")).strip(), agent.log())
                        .isLessThan(120_000);
                assertThat(agent.log()).contains("relay of " + station.url() + " on the air");

                // the loudspeaker's plan for today and tomorrow, compiled like its timeline: every relay window whole
                // (no bulletin inside it, no two windows overlapping) and nothing delayed or dropped
                JsonObject plan = api.get("/api/v1/preview?endpointId=" + speaker + "&date="
                        + LocalDate.now(ZONE) + "&days=2").json().getJsonArray("endpoints").getJsonObject(0);
                assertThat(plan.getJsonArray("conflicts")).as(plan.encodePrettily()).isEmpty();
                // a window the two-day span cuts at either end is shown cut, so only the whole ones are measured
                long spanFrom = LocalDate.now(ZONE).atStartOfDay(ZONE).toInstant().toEpochMilli();
                long spanTo = LocalDate.now(ZONE).plusDays(2).atStartOfDay(ZONE).toInstant().toEpochMilli();
                List<JsonObject> relays = plan.getJsonArray("entries").stream().map(o -> (JsonObject) o)
                        .filter(e -> e.getString("mode").equals("STREAM"))
                        .filter(e -> e.getLong("startMs") > spanFrom && e.getLong("endMs") < spanTo).toList();
                assertThat(relays).as(plan.encodePrettily()).hasSizeGreaterThan(24).allSatisfy(r ->
                        assertThat(r.getLong("endMs") - r.getLong("startMs")).as(r.encode()).isEqualTo(180_000L));
                assertThat(relays).filteredOn(r -> r.getLong("startMs") >= seededAt).first()
                        .satisfies(r -> assertThat(r.getLong("startMs") - seededAt).isLessThan(120_000L));
            }
        }
    }
}
