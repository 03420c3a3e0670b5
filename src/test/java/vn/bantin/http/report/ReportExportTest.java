package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Each export opened with an independent library and checked against the JSON report of the same query. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Report exports: CSV, XLSX and PDF carry the JSON report's figures, Vietnamese intact")
class ReportExportTest {

    /** Rendered pages stay here to be looked at. */
    static final Path PNG_DIR = Path.of("target", "report-pdf");

    @TempDir
    static Path dir;
    ReportWorld world;
    long campaign;
    String query;
    JsonObject json;

    @BeforeAll
    void play() throws Exception {
        world = new ReportWorld(dir);
        campaign = world.bulletinPlayedEastMissedWest();
        query = "period=month&areaId=" + world.commune;
        json = world.api.get("/api/v1/reports?" + query).json();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    static JsonObject row(JsonArray rows, String name) {
        return rows.stream().map(o -> (JsonObject) o).filter(r -> name.equals(r.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name));
    }

    static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f", Math.round(rate * 1000) / 10.0);
    }

    @Test
    @DisplayName("CSV by area: BOM, Vietnamese headings, one row per hamlet and the total, figures as in JSON")
    void csv() throws IOException {
        byte[] bytes = world.api.bytes("/api/v1/reports?" + query + "&format=csv&by=area");

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).extracting(r -> r.get("Địa bàn")).containsExactly("Thôn Tây", "Thôn Đông", "Tổng cộng");
        for (CSVRecord r : records) {
            JsonObject expected = r.get("Địa bàn").equals("Tổng cộng") ? json.getJsonObject("total")
                    : row(json.getJsonArray("areas"), r.get("Địa bàn"));
            JsonObject b = expected.getJsonObject("broadcasts");
            assertThat(r.get("Bản tin dự kiến")).isEqualTo(String.valueOf(b.getLong("expected")));
            assertThat(r.get("Đã phát")).isEqualTo(String.valueOf(b.getLong("played")));
            assertThat(r.get("Bỏ lỡ")).isEqualTo(String.valueOf(b.getJsonObject("byReason").getLong("missed")));
            assertThat(r.get("Tỷ lệ hoàn thành (%)")).isEqualTo(percent(b.getDouble("completionRate")));
            assertThat(r.get("Tỷ lệ phủ dân số (%)"))
                    .isEqualTo(percent(expected.getJsonObject("coverage").getDouble("populationShare")));
        }
        assertThat(records.get(2).get("Tỷ lệ hoàn thành (%)")).isEqualTo("50.0");
        assertThat(records.get(1).get("Dân số được phủ sóng")).isEqualTo("3000");
    }

    @Test
    @DisplayName("XLSX: a summary sheet and one sheet per table, figures stored as numbers")
    void xlsx() throws IOException {
        byte[] bytes = world.api.bytes("/api/v1/reports?" + query + "&format=xlsx&issuer="
                + java.net.URLEncoder.encode("Đài truyền thanh xã Gia Viên", StandardCharsets.UTF_8));

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(wb.getSheets().map(s -> s.getName())).containsExactly("Tổng hợp", "Theo chiến dịch",
                    "Theo địa bàn", "Theo điểm phát", "Theo chủ đề", "Theo loại nội dung", "Danh sách ngoại lệ");
            List<Row> exceptions = wb.findSheet("Danh sách ngoại lệ").orElseThrow().read();
            JsonObject missed = exceptionList().getJsonObject(0);
            assertThat(exceptions).hasSize(2);
            assertThat(exceptions.get(1).stream().map(c -> c.getText()).toList()).containsExactly("Thôn Tây",
                    "Cụm loa thôn Tây", "Tuyên truyền Nghị quyết 57", missed.getString("dueLocal"), "Bỏ lỡ",
                    missed.getString("explanation"));
            Map<String, Row> summary = wb.findSheet("Tổng hợp").orElseThrow().read().stream()
                    .filter(r -> r.getCellCount() >= 2 && r.getCell(0) != null && r.getCell(1) != null)
                    .collect(Collectors.toMap(r -> r.getCell(0).getText(), r -> r, (a, b) -> a));
            assertThat(wb.findSheet("Tổng hợp").orElseThrow().read().get(1).getCell(0).getText())
                    .isEqualTo("Đài truyền thanh xã Gia Viên");
            JsonObject total = json.getJsonObject("total");
            assertThat(summary.get("Bản tin dự kiến").getCell(1).asNumber().longValue())
                    .isEqualTo(total.getJsonObject("broadcasts").getLong("expected"));
            assertThat(summary.get("Tỷ lệ hoàn thành (%)").getCell(1).asNumber().doubleValue()).isEqualTo(50.0);
            assertThat(summary.get("Số hộ được phủ sóng").getCell(1).asNumber().longValue()).isEqualTo(200);

            List<Row> campaigns = wb.findSheet("Theo chiến dịch").orElseThrow().read();
            List<String> headings = campaigns.get(0).stream().map(c -> c.getText()).toList();
            Row bulletin = campaigns.get(1);
            JsonObject c = row(json.getJsonArray("campaigns"), "Tuyên truyền Nghị quyết 57");
            assertThat(bulletin.getCell(0).getText()).isEqualTo("Tuyên truyền Nghị quyết 57");
            assertThat(bulletin.getCell(1).getText()).isEqualTo("Chuyển đổi số");
            assertThat(bulletin.getCell(headings.indexOf("Đã phát")).asNumber().longValue())
                    .isEqualTo(c.getJsonObject("broadcasts").getLong("played"));
            assertThat(bulletin.getCell(headings.indexOf("Thời lượng phát (giờ)")).asNumber().doubleValue())
                    .isEqualTo(Math.round(c.getLong("airtimeMs") / 36_000.0) / 100.0);
            assertThat(campaigns.get(campaigns.size() - 1).getCell(0).getText()).isEqualTo("Tổng cộng");
        }
    }

    io.vertx.core.json.JsonArray exceptionList() {
        return world.api.get("/api/v1/reports/exceptions?" + query).json().getJsonArray("items");
    }

    @Test
    @DisplayName("PDF: the annex reads with its national heading, tables, exceptions, evidence and signatures")
    void pdf() throws Exception {
        byte[] bytes = world.api.bytes("/api/v1/reports?" + query + "&format=pdf");

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "ỦY BAN NHÂN DÂN XÃ GIA VIÊN", "TRUNG TÂM VĂN HÓA - THÔNG TIN", "PHỤ LỤC",
                    "BÁO CÁO KẾT QUẢ PHÁT THANH", json.getJsonObject("period").getString("name"),
                    "Tuyên truyền Nghị quyết 57", "Thôn Đông", "Bỏ lỡ", "Đã xác minh chữ ký, đủ bản ghi",
                    "giờ địa phương, Asia/Ho_Chi_Minh", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ",
                    "(Ký, đóng dấu, ghi rõ họ tên)");
            assertThat(text).containsPattern("Tổng cộng\\s+2\\s+1\\s+50\\.0");
            assertThat(text).contains("Danh sách ngoại lệ", "Cụm loa thôn Tây");
            assertThat(text).containsPattern(exceptionList().getJsonObject(0).getString("dueLocal")
                    .replace(" ", "\\s+"));
            for (PDPage page : pdf.getPages()) {
                for (COSName font : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(font).isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
        List<Path> pages = render(bytes);
        assertThat(pages).isNotEmpty();
        for (Path png : pages) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }

    /** pdftoppm (poppler) draws every page as a PNG, as a reader would see it. */
    static List<Path> render(byte[] pdf) throws Exception {
        Files.createDirectories(PNG_DIR);
        Path file = PNG_DIR.resolve("bao-cao.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("pdftoppm", "-r", "80", "-png", file.toString(),
                PNG_DIR.resolve("trang").toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        try (var files = Files.list(PNG_DIR)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }
}
