package vn.bantin.ui;

import io.vertx.core.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Web UI in real headless Chromium: reports with charts, exceptions, evidence; exports downloaded and opened")
class ReportsBrowserTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("e2e/reports.test.mjs passes; the CSV, XLSX and PDF it downloaded hold the report's figures")
    void reports() throws Exception {
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (ReportsWorld world = new ReportsWorld(dir)) {
            BrowserJourneys.run("reports.test.mjs", world.controller.baseUrl(), Map.of(
                    "BANTIN_PEOPLE", world.people().encode(), "DOWNLOAD_DIR", downloads.toString()));
            JsonObject report = world.api.get("/api/v1/reports?period=month&areaId=" + world.province).json();
            checkCsv(file(downloads, ".csv"), report);
            checkXlsx(file(downloads, ".xlsx"), report);
            checkPdf(file(downloads, ".pdf"));
        }
    }

    private static Path file(Path downloads, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as("one %s downloaded", suffix).hasSize(1);
            return found.get(0);
        }
    }

    private static JsonObject campaign(JsonObject report, String name) {
        return report.getJsonArray("campaigns").stream().map(o -> (JsonObject) o)
                .filter(c -> name.equals(c.getString("name"))).findFirst().orElseThrow();
    }

    private static void checkCsv(Path csv, JsonObject report) throws IOException {
        byte[] bytes = Files.readAllBytes(csv);
        String text = new String(bytes, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        CSVRecord played = rows.stream().filter(r -> r.get("Chiến dịch").equals(ReportsWorld.PLAYED_CAMPAIGN))
                .findFirst().orElseThrow();
        JsonObject expected = campaign(report, ReportsWorld.PLAYED_CAMPAIGN).getJsonObject("broadcasts");
        assertThat(Long.parseLong(played.get("Đã phát"))).isEqualTo(expected.getLong("played")).isEqualTo(1);
        assertThat(rows.get(rows.size() - 1).get("Chiến dịch")).isEqualTo("Tổng cộng");
    }

    private static void checkXlsx(Path xlsx, JsonObject report) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile())) {
            assertThat(wb.getSheets().map(s -> s.getName())).contains("Tổng hợp", "Theo chiến dịch");
            List<Row> campaigns = wb.findSheet("Theo chiến dịch").orElseThrow().read();
            List<String> headings = campaigns.get(0).stream().map(c -> c.getText()).toList();
            Row missed = campaigns.stream().filter(r -> r.getCell(0) != null
                    && ReportsWorld.MISSED_CAMPAIGN.equals(r.getCell(0).getText())).findFirst().orElseThrow();
            assertThat(missed.getCell(headings.indexOf("Bản tin dự kiến")).asNumber().longValue())
                    .isEqualTo(campaign(report, ReportsWorld.MISSED_CAMPAIGN).getJsonObject("broadcasts")
                            .getLong("expected")).isEqualTo(1);
            assertThat(wb.findSheet("Tổng hợp").orElseThrow().read().get(1).getCell(0).getText())
                    .isEqualTo("Trung tâm Văn hóa tỉnh Quảng Ninh");
        }
    }

    private static void checkPdf(Path pdf) throws IOException {
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertThat(doc.getNumberOfPages()).isPositive();
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Trung tâm Văn hóa tỉnh Quảng Ninh".toUpperCase(),
                    ReportsWorld.PLAYED_CAMPAIGN, "Phường Hồng Gai");
        }
    }
}
