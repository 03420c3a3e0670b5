package vn.bantin.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Role;
import vn.bantin.support.HttpApi;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Reports API narrowed to one endpoint, one topic or one content type (the reports screen's scope)")
class ReportFilterApiTest {

    @TempDir
    static Path dir;
    ReportWorld world;

    @BeforeAll
    void play() throws Exception {
        world = new ReportWorld(dir);
        world.bulletinPlayedEastMissedWest();
    }

    @AfterAll
    void stop() {
        world.close();
    }

    JsonObject report(HttpApi api, String query) {
        HttpApi.Answer a = api.get("/api/v1/reports?period=today&" + query);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    static JsonObject broadcasts(JsonObject report) {
        return report.getJsonObject("total").getJsonObject("broadcasts");
    }

    @Test
    @DisplayName("one endpoint: only its broadcasts, its row and its name in the scope; another commune's is 404")
    void endpoint() {
        JsonObject east = report(world.api, "endpointId=" + world.eastSpeaker.endpointId());
        assertThat(broadcasts(east).getLong("expected")).isEqualTo(1);
        assertThat(broadcasts(east).getLong("played")).isEqualTo(1);
        assertThat(east.getJsonArray("endpoints")).hasSize(1);
        assertThat(east.getJsonObject("scope").getString("endpointName")).isEqualTo("Cụm loa thôn Đông");

        HttpApi westEditor = world.controller.as(Role.EDITOR, world.west);
        JsonObject west = report(westEditor, "endpointId=" + world.westSpeaker.endpointId());
        assertThat(broadcasts(west).getLong("played")).isZero();
        assertThat(broadcasts(west).getJsonObject("byReason").getLong("missed")).isEqualTo(1);
        assertThat(westEditor.get("/api/v1/reports?period=today&endpointId=" + world.eastSpeaker.endpointId()).status())
                .isEqualTo(404);
        assertThat(world.api.get("/api/v1/reports?period=today&endpointId=x").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("a topic and a content type count only their own broadcasts; a wrong type is refused in both languages")
    void topicAndKind() {
        String topic = URLEncoder.encode("Chuyển đổi số", StandardCharsets.UTF_8);
        assertThat(broadcasts(report(world.api, "areaId=" + world.commune + "&topic=" + topic)).getLong("expected"))
                .isEqualTo(2);
        assertThat(broadcasts(report(world.api, "areaId=" + world.commune + "&topic=Kh%C3%A1c")).getLong("expected"))
                .isZero();
        JsonObject audio = report(world.api, "areaId=" + world.commune + "&kind=AUDIO");
        assertThat(broadcasts(audio).getLong("expected")).isEqualTo(2);
        assertThat(audio.getJsonObject("scope").getString("kind")).isEqualTo("AUDIO");
        assertThat(broadcasts(report(world.api, "areaId=" + world.commune + "&kind=VIDEO")).getLong("expected")).isZero();
        HttpApi.Answer bad = world.api.get("/api/v1/reports?period=today&kind=PODCAST");
        assertThat(bad.status()).isEqualTo(400);
        // the OpenAPI document lists the kinds, so the request validator refuses it in both languages
        assertThat(bad.body()).contains("bad_field").contains("Trường 'kind'").contains("Field 'kind'");
    }

    @Test
    @DisplayName("the PDF annex names the narrowed scope in its heading")
    void pdfNamesTheScope() throws Exception {
        byte[] pdf = world.api.bytes("/api/v1/reports?period=today&format=pdf&endpointId="
                + world.eastSpeaker.endpointId() + "&kind=AUDIO");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("điểm phát: Cụm loa thôn Đông").contains("loại nội dung: Âm thanh");
        }
    }
}
