package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.config.ConfigLoader;
import vn.bantin.security.Sha256;
import vn.bantin.support.Browser;
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.OffsetClock;
import vn.bantin.support.SignedAgent;

/**
 * An emergency live session on a real controller through a real Icecast2 takes the air from a bulletin of the plan on
 * three loudspeakers, each holding a push stream with signed requests: Thôn Đông's agent records the bulletin cut,
 * Thôn Tây's sends nothing and drops off the network during the session, Thôn Nam's played the bulletin to its end
 * anyway. The report says so in a culture officer's words (the session, its times, when the device dropped), keeps the
 * preempted bulletins out of the completion rate, and links the session's recording, in JSON, CSV, XLSX and PDF.
 */
@DisplayName("Live sessions in the reports: preempted bulletins, devices dropping out, the recording linked")
class LiveExceptionsReportTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String TITLE = "Lũ về";
    static final String BULLETIN = "Bản tin chiều";
    static final String SPEAKER = "Nguyễn Thị Hoa";

    @TempDir
    Path dir;
    final OffsetClock clock = new OffsetClock();
    ReportWorld world;
    HttpApi api;

    @BeforeEach
    void start() throws Exception {
        world = new ReportWorld(dir, Map.of(ConfigLoader.ICECAST_PORT, "0", ConfigLoader.CLASSIFY_SECONDS, "1",
                ConfigLoader.OFFLINE_AFTER_SECONDS, "3", ConfigLoader.PUSH_PING_SECONDS, "1"), clock);
        api = world.api;
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("preempted bulletins name the session and leave the rate; the dropped device says when; the recording"
            + " is listed")
    void liveSessionExceptions() throws Exception {
        ReportWorld.Speaker east = world.eastSpeaker;
        ReportWorld.Speaker west = world.westSpeaker;
        ReportWorld.Speaker south = world.speaker("Cụm loa thôn Nam", world.east, 50);
        WebSocket westStream = west.agent().stream(m -> { });
        east.agent().stream(m -> { });
        south.agent().stream(m -> { });

        long campaign = world.bulletin(BULLETIN, "Phòng chống thiên tai", 5, 10);
        JsonObject eastBulletin = ReportWorld.onlyEntry(east);
        JsonObject southBulletin = ReportWorld.onlyEntry(south);
        ReportWorld.onlyEntry(west);
        long due = eastBulletin.getLong("start");
        String sha = eastBulletin.getJsonArray("items").getJsonObject(0).getString("sha256");

        // the commune's operator speaks; reports name her as people know her, not by her login
        String password = api.post("/api/v1/users", new JsonObject().put("username", "xa.operator")
                .put("displayName", SPEAKER).put("role", "OPERATOR").put("areaId", world.commune)).json()
                .getString("password");
        Browser page = new Browser(world.controller.baseUrl()).signedIn("xa.operator", password);
        JsonObject opened = page.post("/api/v1/live-sessions", new JsonObject().put("title", TITLE)
                .put("broadcastClass", "EMERGENCY").put("targets", new JsonObject().put("areaIds",
                        new JsonArray().add(world.commune)))).json();
        long session = opened.getLong("id");
        assertThat(opened.getJsonArray("endpoints").stream().map(o -> ((JsonObject) o).getString("state")))
                .as(opened.encode()).containsOnly("WAITING");
        Path speech = Microphone.speech(dir, "canh-bao.wav", "Bà con chú ý, nước sông đang lên nhanh. Đề nghị bà con"
                + " vùng trũng di chuyển đồ đạc lên cao và sẵn sàng sơ tán.");
        JsonObject eastLive;
        JsonObject southLive;
        long disconnectedAt;
        JsonObject ended;
        String base = world.controller.baseUrl();
        try (Microphone mic = Microphone.open(page, base, base, page.csrf(), session)) {
            Thread speaking = mic.speakInBackground(speech);
            mic.await(m -> "status".equals(m.getString("type")) && "ON_AIR".equals(m.getString("status")), WAIT);
            eastLive = LiveSessionReportTest.liveEntry(east.agent(), session);
            southLive = LiveSessionReportTest.liveEntry(south.agent(), session);
            LiveSessionReportTest.liveEntry(west.agent(), session);
            // Thôn Tây's device goes off the network mid-session: no more requests, no more pongs
            westStream.abort();
            disconnectedAt = disconnection(west.endpointId());
            speaking.join(TimeUnit.SECONDS.toMillis(60));
            Eventually.within(WAIT, () -> assertThat(System.currentTimeMillis()).isGreaterThan(due + 1_000));
            mic.end();
            ended = mic.await(m -> "status".equals(m.getString("type")) && "ENDED".equals(m.getString("status")),
                    WAIT);
        }
        JsonObject onAir = api.get("/api/v1/live-sessions/" + session).json();
        long epoch = onAir.getLong("epochMs");
        long end = ended.getLong("endedAt");
        assertThat(disconnectedAt).as("dropped while on the air").isBetween(epoch, end);

        // Thôn Đông: the bulletin cut (or never started) for the session, then the session played
        String why = "preempted by emergency live session " + session;
        ReportWorld.upload(east, epoch > due
                ? east.chain().next(eastBulletin.getString("id"), campaign, "ONCE", sha, due, due + 20, epoch + 200,
                        "INTERRUPTED", why)
                : east.chain().next(eastBulletin.getString("id"), campaign, "ONCE", sha, due, null, null, "MISSED", why),
                liveRecord(east, eastLive, end));
        // Thôn Nam: the session played, and the bulletin too, to its end
        Eventually.within(WAIT, () -> assertThat(System.currentTimeMillis()).isGreaterThan(due + 10_500));
        ReportWorld.upload(south, liveRecord(south, southLive, end), south.chain().next(southBulletin.getString("id"),
                campaign, "ONCE", sha, due, due + 30, due + 10_030, "PLAYED", null));

        // past the grace a record has to arrive: the classification says what the records cannot
        clock.advance(Duration.ofMinutes(3));
        String query = "period=month&areaId=" + world.commune;
        assertThat(opened.getString("startedBy")).isEqualTo("xa.operator");
        String liveName = "Phát trực tiếp: " + TITLE + " — người nói: " + SPEAKER;
        JsonObject[] report = new JsonObject[1];
        Eventually.within(WAIT, () -> {
            report[0] = api.get("/api/v1/reports?" + query).json();
            assertThat(ReportExportTest.row(report[0].getJsonArray("campaigns"), BULLETIN).getJsonObject("broadcasts")
                    .getJsonObject("byReason").getLong("preemptedLive")).as(report[0].encodePrettily()).isEqualTo(2);
            assertThat(ReportExportTest.row(report[0].getJsonArray("campaigns"), liveName).getJsonObject("recording"))
                    .as("the recording is kept once the session ended").isNotNull();
        });
        JsonObject bulletin = ReportExportTest.row(report[0].getJsonArray("campaigns"), BULLETIN)
                .getJsonObject("broadcasts");
        assertThat(bulletin.getLong("expected")).isEqualTo(3);
        assertThat(bulletin.getLong("played")).as("Thôn Nam's record that it played to the end wins").isEqualTo(1);
        assertThat(bulletin.getJsonObject("byReason").getLong("interrupted")
                + bulletin.getJsonObject("byReason").getLong("missed")).isZero();
        assertThat(bulletin.getLong("exceptions")).isEqualTo(2);
        assertThat(bulletin.getDouble("completionRate")).as("1 played of the 1 not preempted").isEqualTo(1.0);

        JsonObject live = ReportExportTest.row(report[0].getJsonArray("campaigns"), liveName);
        assertThat(live.getJsonObject("broadcasts").getLong("expected")).isEqualTo(3);
        assertThat(live.getJsonObject("broadcasts").getLong("played")).isEqualTo(2);
        assertThat(live.getJsonObject("broadcasts").getJsonObject("byReason").getLong("offline")).isEqualTo(1);
        JsonObject recording = live.getJsonObject("recording");
        long assetId = recording.getLong("assetId");
        assertThat(assetId).isEqualTo(api.get("/api/v1/live-sessions/" + session).json().getLong("recordingAssetId"));
        assertThat(recording.getString("name")).isEqualTo(api.get("/api/v1/assets/" + assetId).json()
                .getString("name"));
        assertThat(recording.getString("mediaUrl")).isEqualTo("/api/v1/assets/" + assetId + "/media");
        assertThat(api.bytes(recording.getString("mediaUrl")).length).as("the recording can be listened to")
                .isGreaterThan(1_000);

        DateTimeFormatter hh = DateTimeFormatter.ofPattern("HH:mm").withZone(ReportWorld.ZONE);
        String span = TITLE + " (" + hh.format(Instant.ofEpochMilli(epoch)) + "–" + hh.format(Instant.ofEpochMilli(end))
                + ")";
        String dropped = "Thiết bị mất kết nối trong phiên (" + hh.format(Instant.ofEpochMilli(disconnectedAt)) + ")";
        List<JsonObject> exceptions = api.get("/api/v1/reports/exceptions?" + query).json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).toList();
        assertThat(exceptions).extracting(e -> e.getString("endpointName") + " | " + e.getString("campaignName") + " | "
                + e.getString("statusName") + " | " + e.getString("explanation")).containsExactlyInAnyOrder(
                "Cụm loa thôn Đông | " + BULLETIN + " | Nhường cho phát trực tiếp | Nhường cho phát trực tiếp: " + span,
                "Cụm loa thôn Tây | " + BULLETIN + " | Nhường cho phát trực tiếp | Nhường cho phát trực tiếp: " + span,
                "Cụm loa thôn Tây | " + liveName + " | " + dropped + " | Thiết bị mất kết nối lúc "
                        + hh.format(Instant.ofEpochMilli(disconnectedAt)) + " khi đang phát trực tiếp;"
                        + " không có bản ghi của phiên");
        assertThat(exceptions).extracting(e -> e.getString("explanationEn")).contains(
                "Yielded to a live broadcast: " + span);

        exportsSayTheSame(query, bulletin, live, span, dropped);
    }

    private void exportsSayTheSame(String query, JsonObject bulletin, JsonObject live, String span, String dropped)
            throws Exception {
        JsonObject recording = live.getJsonObject("recording");
        String listed = recording.getString("name") + " (tệp số " + recording.getLong("assetId") + ")";
        byte[] csv = api.bytes("/api/v1/reports?" + query + "&format=csv&by=campaign");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))).getRecords();
        CSVRecord liveCsv = rows.stream().filter(r -> r.get("Chiến dịch").equals(live.getString("name"))).findFirst()
                .orElseThrow();
        assertThat(liveCsv.get("Bản ghi phát trực tiếp")).isEqualTo(listed);
        CSVRecord bulletinCsv = rows.stream().filter(r -> r.get("Chiến dịch").equals(BULLETIN)).findFirst()
                .orElseThrow();
        assertThat(bulletinCsv.get("Nhường cho phát trực tiếp")).isEqualTo("2");
        assertThat(bulletinCsv.get("Tỷ lệ hoàn thành (%)")).isEqualTo("100.0");
        assertThat(bulletinCsv.get("Bản ghi phát trực tiếp")).isEmpty();

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(api.bytes("/api/v1/reports?" + query
                + "&format=xlsx")))) {
            List<Row> campaigns = wb.findSheet("Theo chiến dịch").orElseThrow().read();
            List<String> headings = campaigns.get(0).stream().map(c -> c.getText()).toList();
            Row liveRow = campaigns.stream().filter(r -> live.getString("name").equals(r.getCell(0).getText()))
                    .findFirst().orElseThrow();
            assertThat(liveRow.getCell(headings.indexOf("Bản ghi phát trực tiếp")).getText()).isEqualTo(listed);
            Row bulletinRow = campaigns.stream().filter(r -> BULLETIN.equals(r.getCell(0).getText())).findFirst()
                    .orElseThrow();
            assertThat(bulletinRow.getCell(headings.indexOf("Nhường cho phát trực tiếp")).asNumber().longValue())
                    .isEqualTo(bulletin.getJsonObject("byReason").getLong("preemptedLive"));
            List<Row> listedExceptions = wb.findSheet("Danh sách ngoại lệ").orElseThrow().read();
            assertThat(listedExceptions.stream().skip(1).map(r -> r.getCell(4).getText() + " | "
                    + r.getCell(5).getText())).containsExactlyInAnyOrder(
                    "Nhường cho phát trực tiếp | Nhường cho phát trực tiếp: " + span,
                    "Nhường cho phát trực tiếp | Nhường cho phát trực tiếp: " + span,
                    dropped + " | " + dropped.replace("trong phiên (", "lúc ").replace(")", "")
                            + " khi đang phát trực tiếp; không có bản ghi của phiên");
        }

        byte[] pdf = api.bytes("/api/v1/reports?" + query + "&format=pdf");
        assertThat(ReportExportTest.render(pdf)).isNotEmpty();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("BẢN GHI CÁC PHIÊN PHÁT TRỰC TIẾP", listed, "người nói: " + SPEAKER, "Nhường cho phát trực tiếp: " + span,
                    dropped, "không tính vào tỷ lệ hoàn thành");
        }
    }

    /** The live session's record as the agent signs it: on the air from 300 ms after the epoch to the end. */
    private static JsonObject liveRecord(ReportWorld.Speaker s, JsonObject entry, long end) {
        long start = entry.getLong("start");
        return s.chain().nextStream(entry.getString("id"), entry.getLong("campaignId"), "EMERGENCY",
                Sha256.hex(entry.getJsonObject("stream").getString("url")), start, start + 300, end, "PLAYED", null,
                end - start - 300, new JsonArray());
    }

    /** When the connection history closed the endpoint's stretch: its last contact before the silence. */
    private long disconnection(long endpointId) throws Exception {
        long[] at = new long[1];
        Eventually.within(WAIT, () -> {
            JsonArray stretches = api.get("/api/v1/endpoints/" + endpointId + "/connections").json()
                    .getJsonArray("connections");
            Long closed = stretches.isEmpty() ? null : stretches.getJsonObject(0).getLong("disconnectedAt");
            assertThat(closed).as(stretches.encode()).isNotNull();
            at[0] = closed;
        });
        return at[0];
    }
}
