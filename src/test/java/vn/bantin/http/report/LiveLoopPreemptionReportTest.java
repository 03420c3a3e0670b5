package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.Sha256;
import vn.bantin.support.Eventually;
import vn.bantin.support.Ffmpeg;
import vn.bantin.support.Microphone;
import vn.bantin.support.OffsetClock;

/**
 * A live session through a real Icecast2 takes the air over part of a LOOP window on Thôn Đông's loudspeaker (its
 * device holds a push stream and signs its records): the loop's items play before the session, one is cut by it, and
 * they resume after. The report leaves the session's stretch out of the loop's expected airtime, shows it as
 * "Nhường cho phát trực tiếp" with the session and its times, and the exports say the same.
 */
@DisplayName("Live sessions in the reports: the part of a loop window a session held is preempted airtime")
class LiveLoopPreemptionReportTest {

    static final Duration WAIT = Duration.ofSeconds(90);
    static final String TITLE = "Thông báo khẩn của xã";
    static final String LOOP = "Phát lặp an toàn giao thông";

    @TempDir
    Path dir;
    final OffsetClock clock = new OffsetClock();
    ReportWorld world;

    @BeforeEach
    void start() throws Exception {
        world = new ReportWorld(dir, Map.of(ConfigLoader.ICECAST_PORT, "0", ConfigLoader.CLASSIFY_SECONDS, "1",
                ConfigLoader.PUSH_PING_SECONDS, "1"), clock);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("the session's stretch of the window leaves the loop completion and is listed with its times")
    void loopWindowYields() throws Exception {
        ReportWorld.Speaker east = world.eastSpeaker;
        east.agent().stream(m -> { });
        long campaign = loopCampaign();
        JsonObject window = loopEntry(east);
        long from = window.getLong("start");
        long to = window.getLong("end");
        String sha = window.getJsonArray("items").getJsonObject(0).getString("sha256");
        Eventually.within(WAIT, () -> assertThat(System.currentTimeMillis()).isGreaterThan(from + 12_000));

        JsonObject opened = world.api.post("/api/v1/live-sessions", new JsonObject().put("title", TITLE)
                .put("broadcastClass", "NORMAL").put("targets", new JsonObject().put("areaIds",
                        new JsonArray().add(world.east)))).json();
        long session = opened.getLong("id");
        Path speech = Microphone.speech(dir, "thong-bao.wav", "Bà con chú ý, chiều nay xã tổ chức phun thuốc"
                + " khử trùng. Đề nghị bà con đóng cửa chuồng trại.");
        JsonObject live;
        JsonObject ended;
        try (Microphone mic = Microphone.open(world.controller.baseUrl(), world.controller.token(), session)) {
            Thread speaking = mic.speakInBackground(speech);
            mic.await(m -> "status".equals(m.getString("type")) && "ON_AIR".equals(m.getString("status")), WAIT);
            live = LiveSessionReportTest.liveEntry(east.agent(), session);
            speaking.join(TimeUnit.SECONDS.toMillis(60));
            mic.end();
            ended = mic.await(m -> "status".equals(m.getString("type")) && "ENDED".equals(m.getString("status")),
                    WAIT);
        }
        long epoch = world.api.get("/api/v1/live-sessions/" + session).json().getLong("epochMs");
        long end = ended.getLong("endedAt");
        assertThat(epoch).as("the session went on the air inside the window").isBetween(from, to);
        assertThat(end).isLessThan(to);

        // the loop played up to the session (its last item cut by it), the session, then the loop again
        String entry = window.getString("id");
        ReportWorld.upload(east,
                east.chain().next(entry, campaign, "LOOP", sha, from, from + 20, from + 5_020, "PLAYED", null),
                east.chain().next(entry, campaign, "LOOP", sha, from + 5_020, from + 5_020, epoch + 150, "INTERRUPTED",
                        "preempted by live session " + session),
                east.chain().nextStream(live.getString("id"), live.getLong("campaignId"), "NORMAL",
                        Sha256.hex(live.getJsonObject("stream").getString("url")), epoch, epoch + 300, end, "PLAYED",
                        null, end - epoch - 300, new JsonArray()),
                east.chain().next(entry, campaign, "LOOP", sha, end + 400, end + 400, end + 5_400, "PLAYED", null));

        // the window over, as the report's clock has it
        clock.advance(Duration.ofMillis(Math.max(0, to - System.currentTimeMillis()) + 60_000));
        String query = "period=month&areaId=" + world.east;
        JsonObject loops = ReportExportTest.row(world.api.get("/api/v1/reports?" + query).json()
                .getJsonArray("campaigns"), LOOP).getJsonObject("loops");
        long preempted = end - epoch;
        assertThat(loops.getLong("expectedAirtimeMs")).isEqualTo(to - from);
        assertThat(loops.getLong("preemptedAirtimeMs")).as(loops.encode()).isEqualTo(preempted);
        long played = 5_000 + (epoch + 150 - from - 5_020) + 5_000;
        assertThat(loops.getLong("playedAirtimeMs")).isEqualTo(played);
        assertThat(loops.getDouble("completionRate")).as("played over what the session left of the window")
                .isCloseTo((double) played / (to - from - preempted), org.assertj.core.data.Offset.offset(1e-9));

        DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH:mm").withZone(ReportWorld.ZONE);
        String span = TITLE + " (" + hh.format(Instant.ofEpochMilli(epoch)) + "–" + hh.format(Instant.ofEpochMilli(end))
                + ")";
        List<JsonObject> exceptions = world.api.get("/api/v1/reports/exceptions?" + query).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(e -> LOOP.equals(e.getString("campaignName"))).toList();
        assertThat(exceptions).extracting(e -> e.getString("status") + " | " + e.getString("statusName") + " | "
                + e.getString("explanation") + " | " + e.getLong("due")).containsExactly("PREEMPTED_LIVE | Nhường cho"
                + " phát trực tiếp | Nhường cho phát trực tiếp: " + span + " | " + epoch);

        byte[] csv = world.api.bytes("/api/v1/reports?" + query + "&format=csv&by=campaign");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        CSVRecord loopCsv = rows.stream().filter(r -> r.get("Chiến dịch").equals(LOOP)).findFirst().orElseThrow();
        assertThat(Double.parseDouble(loopCsv.get("Phát lặp nhường phát trực tiếp (giờ)")))
                .isEqualTo(vn.bantin.evidence.export.Sections.hours(preempted));
        assertThat(Double.parseDouble(loopCsv.get("Phát lặp hoàn thành (%)")))
                .isEqualTo(vn.bantin.evidence.export.Sections.percent(loops.getDouble("completionRate")));
        try (PDDocument doc = Loader.loadPDF(world.api.bytes("/api/v1/reports?" + query + "&format=pdf"))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Phát lặp: nhường cho phát trực tiếp", "Nhường cho phát trực tiếp: " + span);
        }
    }

    /** A LOOP campaign for Thôn Đông: a three-minute window from the next whole minute at least 20 s away. */
    private long loopCampaign() throws Exception {
        JsonObject asset = world.api.approvedAsset(Ffmpeg.tone(dir, "nhac-nen.wav", 5));
        LocalDateTime at = LocalDateTime.ofInstant(Instant.now().plusSeconds(80), ReportWorld.ZONE)
                .truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.now(ReportWorld.ZONE);
        JsonObject body = new JsonObject().put("name", LOOP).put("topic", "An toàn giao thông")
                .put("startDate", today.minusDays(1).toString()).put("endDate", today.plusDays(1).toString())
                .put("playlist", new JsonArray().add(new JsonObject().put("assetId", asset.getLong("id"))))
                .put("slots", new JsonArray().add(new JsonObject().put("mode", "LOOP")
                        .put("cron", at.getMinute() + " " + at.getHour() + " * * *").put("windowMinutes", 3)))
                .put("targets", new JsonObject().put("areas", new JsonArray().add(world.east)));
        var created = world.api.post("/api/v1/campaigns", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().getLong("id");
        assertThat(world.api.post("/api/v1/campaigns/" + id + "/approve", "{}").status()).isEqualTo(200);
        return id;
    }

    /** The loop's window in the speaker's timeline, the one starting next. */
    private static JsonObject loopEntry(ReportWorld.Speaker s) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Eventually.within(WAIT, () -> {
            JsonArray entries = s.agent().get("/agent/v1/timeline").json().getJsonArray("entries");
            found[0] = entries.stream().map(JsonObject.class::cast).filter(e -> "LOOP".equals(e.getString("mode")))
                    .filter(e -> e.getLong("end") > System.currentTimeMillis()).findFirst().orElse(null);
            assertThat(found[0]).as(entries.encode()).isNotNull();
        });
        return found[0];
    }
}
