package vn.bantin.e2e;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.stream.icecast.IcecastServer;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.Icecast;
import vn.bantin.support.StationFeed;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("End to end: a scheduled relay of a real Icecast2 station through a real agent and mpv")
class RelayEndToEndTest {

    static final String ALERT = "Lũ quét: sơ tán";

    @TempDir
    Path dir;

    @Test
    @DisplayName("the station cut mid-window: the fallback fills the gap, the relay resumes; then an emergency alert "
            + "cuts it, plays, and the relay comes back; the records state on-air time, the gap and the alert")
    void relaySurvivesTheStationBeingCutAndYieldsToAnAlert() throws Exception {
        try (IcecastServer icecast = Icecast.start(dir);
             StationFeed station = StationFeed.tone(icecast, "/tinh.mp3", 440, StationFeed.Codec.MP3);
             RelayingSpeaker speaker = RelayingSpeaker.start(dir)) {
            long siren = speaker.api.upload(Ffmpeg.tone(dir, "coi-bao-dong.wav", 4), "coi-bao-dong.wav").json()
                    .getLong("id");
            // planned a few seconds ahead, so the report expects the whole window
            RelayingSpeaker.Window window = speaker.relayStartingIn("Đài tỉnh", station.url(), 5, 1);

            Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));
            Thread.sleep(2_000);
            long cutAt = System.currentTimeMillis();
            station.cut();
            Thread.sleep(6_000);
            long restoredAt = System.currentTimeMillis();
            station.restore();
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(icecast.listeners("/tinh.mp3")).isEqualTo(1));
            Thread.sleep(1_000);

            JsonObject alert = speaker.api.post("/api/v1/alerts", new JsonObject().put("title", ALERT)
                    .put("audioAssetId", siren).put("targets", new JsonObject()
                            .put("endpoints", new JsonArray().add(speaker.world.endpointId)))).json();
            long alertId = alert.getLong("id");
            Eventually.within(Duration.ofSeconds(20), () -> {
                JsonObject d = delivery(speaker, alertId);
                assertThat(d.getString("state")).as("the endpoint fetched the alert and reported it on air: %s",
                        d.encode()).isEqualTo("STARTED");
                assertThat(d.getLong("deliveredAt")).isNotNull();
                assertThat(d.getLong("startedAt")).isNotNull();
            });
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(emergencies(speaker)).as(speaker.agent.log())
                    .singleElement().satisfies(p -> assertThat(p.getString("outcome")).isEqualTo("PLAYED")));
            JsonObject played = emergencies(speaker).get(0);
            assertThat(Math.abs(played.getLong("actualStart") - alert.getLong("start"))).as(speaker.agent.log())
                    .isLessThan(1_000L);
            Eventually.within(Duration.ofSeconds(20), () -> {
                assertThat(icecast.listeners("/tinh.mp3")).as("relaying again").isEqualTo(1);
                JsonObject now = speaker.agent.status().getJsonObject("nowPlaying");
                assertThat(now == null ? null : now.getString("mode")).as("mpv on the relay again").isEqualTo("STREAM");
            });

            List<JsonObject> parts = speaker.records(window, station.url(), 2);
            JsonObject before = parts.get(0);
            assertThat(before.getString("outcome")).as(speaker.agent.log()).isEqualTo("INTERRUPTED");
            assertThat(before.getString("reason")).isEqualTo("preempted by emergency alert");
            assertThat(before.getLong("actualEnd")).isBetween(played.getLong("actualStart") - 1_000,
                    played.getLong("actualStart") + 100);
            JsonObject gap = speaker.onlyGap(before, "one gap: the cut station, not the alert");
            assertThat(gap.getLong("from")).isBetween(cutAt - 3_000, cutAt + 5_000);
            RelayingSpeaker.assertGapClosedOnRestore(before, gap, restoredAt);
            assertThat(gap.getString("fallback")).as("the filler's speaker rendition looped in the gap; agent log:\n%s",
                    speaker.agent.log()).isEqualTo(Scenario.speakerRendition(speaker.filler))
                    .isNotEqualTo(speaker.filler.getString("sha256"));

            JsonObject after = parts.get(1);
            assertThat(after.getLong("actualStart")).as("the relay came back after the alert")
                    .isGreaterThanOrEqualTo(played.getLong("actualEnd") - 100)
                    .isLessThan(played.getLong("actualEnd") + 10_000);
            JsonObject afterFigures = RelayingSpeaker.payload(after);
            assertThat(afterFigures.getJsonArray("gaps")).as(afterFigures.encodePrettily()).isEmpty();
            assertThat(afterFigures.getLong("onAirMs")).isEqualTo(after.getLong("actualEnd") - after.getLong("actualStart"));
            assertTheReportShowsTheYield(speaker, window, played, RelayingSpeaker.payload(before).getLong("onAirMs")
                    + afterFigures.getLong("onAirMs"));
            speaker.assertEvidenceIntactAndSpoolEmpty();
        }
    }

    /**
     * The report of the window's day: the window expected whole, the alert's time on air yielded to it (left out of
     * the completion), the relay's time on air played; the exceptions name the alert with its times, and so does the
     * CSV export's column.
     */
    private static void assertTheReportShowsTheYield(RelayingSpeaker speaker, RelayingSpeaker.Window window,
                                                     JsonObject siren, long relayOnAir) {
        long alertOnAir = siren.getLong("actualEnd") - siren.getLong("actualStart");
        String query = "period=custom&from=" + LocalDate.ofInstant(Instant.ofEpochMilli(window.start()), Scenario.ZONE)
                + "&to=" + LocalDate.ofInstant(Instant.ofEpochMilli(window.start()), Scenario.ZONE) + "&areaId="
                + speaker.world.areaId + "&campaignId=" + window.campaign();
        JsonObject loops = speaker.api.get("/api/v1/reports?" + query).json().getJsonObject("total")
                .getJsonObject("loops");
        assertThat(loops.getLong("expectedAirtimeMs")).as(loops.encode()).isEqualTo(window.end() - window.start());
        assertThat(loops.getLong("alertAirtimeMs")).as(loops.encode()).isEqualTo(alertOnAir);
        assertThat(loops.getLong("preemptedAirtimeMs")).isZero();
        assertThat(loops.getLong("playedAirtimeMs")).isEqualTo(relayOnAir);
        assertThat(loops.getDouble("completionRate")).isCloseTo((double) relayOnAir
                / (window.end() - window.start() - alertOnAir), org.assertj.core.data.Offset.offset(1e-9));

        DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH:mm").withZone(Scenario.ZONE);
        String yielded = "Nhường cho bản tin khẩn cấp: " + ALERT + " (" + hh.format(Instant.ofEpochMilli(siren.getLong(
                "actualStart"))) + "–" + hh.format(Instant.ofEpochMilli(siren.getLong("actualEnd"))) + ")";
        JsonArray items = speaker.api.get("/api/v1/reports/exceptions?" + query).json().getJsonArray("items");
        assertThat(items.stream().map(JsonObject.class::cast).map(e -> e.getString("status") + " | "
                + e.getString("statusName") + " | " + e.getString("explanation") + " | " + e.getLong("due")))
                .as(items.encodePrettily()).containsExactly("INTERRUPTED | Nhường cho bản tin khẩn cấp | " + yielded
                        + " | " + siren.getLong("actualStart"));

        byte[] csv = speaker.api.bytes("/api/v1/reports?" + query + "&format=csv&by=campaign");
        List<CSVRecord> rows;
        try {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(rows).filteredOn(r -> r.get("Chiến dịch").equals("Tiếp sóng Đài tỉnh"))
                .extracting(r -> Double.parseDouble(r.get("Phát lặp nhường bản tin khẩn cấp (giờ)")))
                .containsExactly(vn.bantin.evidence.export.Sections.hours(alertOnAir));
    }

    private static JsonObject delivery(RelayingSpeaker speaker, long alertId) {
        JsonArray rows = speaker.api.get("/api/v1/alerts/" + alertId + "/deliveries").array();
        assertThat(rows).hasSize(1);
        return rows.getJsonObject(0);
    }

    private static List<JsonObject> emergencies(RelayingSpeaker speaker) {
        return speaker.api.get("/api/v1/plays?limit=1000").array().stream().map(o -> (JsonObject) o)
                .filter(p -> "EMERGENCY".equals(p.getString("class"))).toList();
    }
}
