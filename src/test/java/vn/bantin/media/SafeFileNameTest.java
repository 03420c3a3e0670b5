package vn.bantin.media;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNameTest {

    @Test
    @DisplayName("directories are stripped, Unix and Windows style")
    void stripsDirectories() {
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.of("C:\\Users\\staff\\Desktop\\ban tin.mp3")).isEqualTo("ban tin.mp3");
        assertThat(SafeFileName.of("/abs/path/video.mp4")).isEqualTo("video.mp4");
    }

    @Test
    @DisplayName("Vietnamese diacritics are kept and NFC-normalised")
    void keepsVietnamese() {
        String nfd = Normalizer.normalize("bản tin sáng.mp3", Normalizer.Form.NFD);

        assertThat(SafeFileName.of("bản tin sáng.mp3")).isEqualTo("bản tin sáng.mp3");
        assertThat(SafeFileName.of(nfd)).isEqualTo("bản tin sáng.mp3");
        assertThat(SafeFileName.of("Đường Nguyễn Huệ – Bình dân học vụ số.png"))
                .isEqualTo("Đường Nguyễn Huệ – Bình dân học vụ số.png");
    }

    @Test
    @DisplayName("NUL, control and bidi-override characters are removed")
    void removesControlCharacters() {
        assertThat(SafeFileName.of("ban\u0000tin.mp3")).isEqualTo("bantin.mp3");
        assertThat(SafeFileName.of("evil\u001b[31m.mp4")).isEqualTo("evil[31m.mp4");
        assertThat(SafeFileName.of("line\r\nbreak\t.mp3")).isEqualTo("line break .mp3");
        assertThat(SafeFileName.of("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
    }

    @Test
    @DisplayName("empty, dot-only and null names become \"untitled\"")
    void emptyBecomesUntitled() {
        assertThat(SafeFileName.of(null)).isEqualTo("untitled");
        assertThat(SafeFileName.of("")).isEqualTo("untitled");
        assertThat(SafeFileName.of("   ")).isEqualTo("untitled");
        assertThat(SafeFileName.of("..")).isEqualTo("untitled");
        assertThat(SafeFileName.of("../")).isEqualTo("untitled");
        assertThat(SafeFileName.of("\u0000\u0001")).isEqualTo("untitled");
    }

    @Test
    @DisplayName("long names are cut to 200 characters, keeping the extension")
    void limitsLength() {
        String name = SafeFileName.of("ả".repeat(300) + ".mp3");

        assertThat(name.codePointCount(0, name.length())).isEqualTo(200);
        assertThat(name).endsWith("ả.mp3");
        assertThat(SafeFileName.of("x".repeat(250))).hasSize(200);
    }
}
