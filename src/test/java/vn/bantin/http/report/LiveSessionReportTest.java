package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import vn.bantin.support.Eventually;
import vn.bantin.support.HttpApi;
import vn.bantin.support.Microphone;
import vn.bantin.support.OffsetClock;
import vn.bantin.support.RecordChain;
import vn.bantin.support.SignedAgent;
import vn.bantin.support.TestController;

/**
 * A live microphone session on a real controller through a real Icecast2, reported like a bulletin: expected on the
 * loudspeakers that took it, played per their signed records (time on air without the gaps), an exception for the
 * one offline when it opened and for the one that never fetched it, nothing for the one in quiet hours; the same
 * figures in the JSON, the XLSX (read back with the library) and the PDF (read, and drawn with pdftoppm).
 */
@DisplayName("A live session in the reports: expected, played, exceptions, in JSON, XLSX and PDF")
class LiveSessionReportTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Duration WAIT = Duration.ofSeconds(30);
    static final Path PNG_DIR = Path.of("target", "report-pdf-live");

    @TempDir
    Path dir;
    final OffsetClock clock = new OffsetClock();
    TestController controller;
    HttpApi api;
    long commune;

    record Speaker(long id, SignedAgent agent, RecordChain chain) {
    }

    @BeforeEach
    void start() throws Exception {
        controller = TestController.start(Map.of(ConfigLoader.DATA_DIR, dir.resolve("data").toString(),
                ConfigLoader.ICECAST_PORT, "0", ConfigLoader.CLASSIFY_SECONDS, "1"), clock);
        api = controller.api();
        long province = area(new JsonObject().put("name", "Tỉnh Ninh Bình").put("zone", ZONE.getId()));
        commune = area(new JsonObject().put("name", "Xã Gia Viên").put("parentId", province));
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private long area(JsonObject body) {
        HttpApi.Answer a = api.post("/api/v1/areas", body);
        assertThat(a.status()).as(a.body()).isBetween(200, 201);
        return a.json().getLong("id");
    }

    private Speaker speaker(String hamlet, String name, JsonObject quietHours) {
        JsonObject area = new JsonObject().put("name", hamlet).put("parentId", commune);
        if (quietHours != null) {
            area.put("quietHours", quietHours);
        }
        long areaId = area(area);
        long id = api.post("/api/v1/endpoints", new JsonObject().put("name", name).put("kind", "SPEAKER")
                .put("areaId", areaId)).json().getLong("id");
        String code = api.post("/api/v1/endpoints/" + id + "/enrollment-code", "{}").json().getString("code");
        SignedAgent agent = new SignedAgent(controller.baseUrl());
        assertThat(agent.enroll("SPEAKER", code).status()).isEqualTo(200);
        return new Speaker(id, agent, new RecordChain(agent.key()));
    }

    @Test
    @DisplayName("played where taken, offline and not-delivered as exceptions, quiet hours not expected")
    void liveSessionReported() throws Exception {
        Speaker east = speaker("Thôn Đông", "Cụm loa thôn Đông", null);
        Speaker west = speaker("Thôn Tây", "Cụm loa thôn Tây", null);
        Speaker north = speaker("Thôn Bắc", "Cụm loa thôn Bắc", null);
        Speaker quiet = speaker("Thôn Yên", "Cụm loa thôn Yên",
                new JsonObject().put("from", "00:00").put("to", "23:59"));
        // east, north and quiet are online (they fetched a timeline); west has not been heard from
        for (Speaker s : List.of(east, north, quiet)) {
            assertThat(s.agent().get("/agent/v1/timeline").status()).isEqualTo(200);
        }
        String title = "Thông báo lịch tiêm phòng";
        JsonObject opened = api.post("/api/v1/live-sessions", new JsonObject().put("title", title)
                .put("broadcastClass", "NORMAL").put("targets", new JsonObject().put("areaIds",
                        new JsonArray().add(commune)))).json();
        long sessionId = opened.getLong("id");
        assertThat(state(opened, quiet.id())).isEqualTo("REFUSED");
        assertThat(state(opened, west.id())).isEqualTo("OFFLINE");
        String rowName = "Phát trực tiếp: " + title + " — người nói: " + opened.getString("startedBy");

        Path speech = Microphone.speech(dir, "loi-noi.wav", "Bà con chú ý, sáng mai trạm y tế xã tiêm phòng cho"
                + " trẻ em dưới năm tuổi.");
        JsonObject entry;
        JsonObject done;
        try (Microphone mic = Microphone.open(controller.baseUrl(), controller.token(), sessionId)) {
            Thread speaking = mic.speakInBackground(speech);
            mic.await(m -> "status".equals(m.getString("type")) && "ON_AIR".equals(m.getString("status")), WAIT);
            entry = liveEntry(east.agent(), sessionId);
            speaking.join(TimeUnit.SECONDS.toMillis(60));
            mic.end();
            done = mic.await(m -> "status".equals(m.getString("type")) && "ENDED".equals(m.getString("status")),
                    WAIT);
        }
        long start = entry.getLong("start");
        long end = done.getLong("endedAt");
        // east played it from 300 ms after the epoch to the end, with a 1.5 s gap when the stream stalled
        long onAir = end - start - 300 - 1_500;
        JsonArray gaps = new JsonArray().add(new JsonObject().put("from", start + 2_000).put("to", start + 3_500)
                .put("reason", "luồng bị gián đoạn / stream stalled").putNull("fallback"));
        SignedAgent.Reply stored = east.agent().postPlays(new JsonArray().add(east.chain().nextStream(
                entry.getString("id"), entry.getLong("campaignId"), "NORMAL",
                vn.bantin.security.Sha256.hex(entry.getJsonObject("stream").getString("url")), start, start + 300,
                end, "PLAYED", null, onAir, gaps)));
        assertThat(stored.status()).as(stored.text()).isEqualTo(200);

        // past the end and the grace a record has to arrive: north never fetched it, so it was not delivered
        clock.advance(Duration.ofMinutes(3));
        String query = "period=month&areaId=" + commune;
        JsonObject[] report = new JsonObject[1];
        Eventually.within(WAIT, () -> {
            report[0] = api.get("/api/v1/reports?" + query).json();
            JsonObject live = ReportExportTest.row(report[0].getJsonArray("campaigns"), rowName);
            assertThat(live.getJsonObject("broadcasts").getJsonObject("byReason").getLong("notDelivered"))
                    .isEqualTo(1);
        });
        JsonObject live = ReportExportTest.row(report[0].getJsonArray("campaigns"), rowName);
        JsonObject b = live.getJsonObject("broadcasts");
        assertThat(b.getLong("expected")).as("east, west and north took it; the quiet hamlet refused it")
                .isEqualTo(3);
        assertThat(b.getLong("played")).isEqualTo(1);
        assertThat(b.getJsonObject("byReason").getLong("offline")).isEqualTo(1);
        assertThat(b.getDouble("completionRate")).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(live.getLong("airtimeMs")).as("time on air, without the gap").isEqualTo(onAir);
        assertThat(live.getString("detail")).isEqualTo("Phát trực tiếp");
        assertThat(live.getJsonObject("loops").getLong("playedAirtimeMs")).isZero();
        assertThat(report[0].getJsonArray("campaigns").stream().map(o -> ((JsonObject) o).getString("name")))
                .doesNotContain("Ngoài chiến dịch");
        JsonObject quietRow = ReportExportTest.row(report[0].getJsonArray("endpoints"), "Cụm loa thôn Yên");
        assertThat(quietRow.getJsonObject("broadcasts").getLong("expected")).isZero();

        List<JsonObject> exceptions = api.get("/api/v1/reports/exceptions?" + query).json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).toList();
        assertThat(exceptions).extracting(e -> e.getString("endpointName") + ": " + e.getString("statusName"))
                .containsExactlyInAnyOrder("Cụm loa thôn Tây: Thiết bị mất kết nối",
                        "Cụm loa thôn Bắc: Chưa chuyển tới thiết bị");
        assertThat(exceptions).extracting(e -> e.getString("campaignName")).containsOnly(rowName);

        byte[] xlsx = api.bytes("/api/v1/reports?" + query + "&format=xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> campaigns = wb.findSheet("Theo chiến dịch").orElseThrow().read();
            List<String> headings = campaigns.get(0).stream().map(c -> c.getText()).toList();
            Row row = campaigns.stream().filter(r -> rowName.equals(r.getCell(0).getText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no live row in the XLSX"));
            assertThat(row.getCell(1).getText()).isEqualTo("Phát trực tiếp");
            assertThat(row.getCell(headings.indexOf("Bản tin dự kiến")).asNumber().longValue()).isEqualTo(3);
            assertThat(row.getCell(headings.indexOf("Đã phát")).asNumber().longValue()).isEqualTo(1);
            assertThat(row.getCell(headings.indexOf("Thời lượng phát (giờ)")).asNumber().doubleValue())
                    .isEqualTo(Math.round(onAir / 36_000.0) / 100.0);
            List<Row> listed = wb.findSheet("Danh sách ngoại lệ").orElseThrow().read();
            assertThat(listed.stream().skip(1).map(r -> r.getCell(1).getText() + " | " + r.getCell(2).getText()
                    + " | " + r.getCell(4).getText())).containsExactlyInAnyOrder(
                    "Cụm loa thôn Tây | " + rowName + " | Thiết bị mất kết nối",
                    "Cụm loa thôn Bắc | " + rowName + " | Chưa chuyển tới thiết bị");
        }

        byte[] pdf = api.bytes("/api/v1/reports?" + query + "&format=pdf");
        Files.createDirectories(PNG_DIR);
        Path file = PNG_DIR.resolve("bao-cao-truc-tiep.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "80", "-png", file.toString(),
                PNG_DIR.resolve("trang").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        try (var pages = Files.list(PNG_DIR)) {
            assertThat(pages.filter(f -> f.toString().endsWith(".png")).count()).isPositive();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Phát trực tiếp: " + title, "người nói: admin",
                    "Cụm loa thôn Tây", "Thiết bị mất kết nối", "Cụm loa thôn Bắc", "Chưa chuyển tới thiết bị");
        }
    }

    private static String state(JsonObject session, long endpointId) {
        return session.getJsonArray("endpoints").stream().map(JsonObject.class::cast)
                .filter(e -> e.getLong("endpointId") == endpointId).findFirst().orElseThrow().getString("state");
    }

    /** The session's entry in the agent's timeline, once the agent is given it. */
    static JsonObject liveEntry(SignedAgent agent, long sessionId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        Eventually.within(WAIT, () -> {
            JsonArray entries = agent.get("/agent/v1/timeline").json().getJsonArray("entries");
            found[0] = entries.stream().map(JsonObject.class::cast).filter(e -> "STREAM".equals(e.getString("mode"))
                    && e.getJsonObject("stream").getLong("liveSessionId") == sessionId).findFirst().orElse(null);
            assertThat(found[0]).as(entries.encode()).isNotNull();
        });
        return found[0];
    }
}
