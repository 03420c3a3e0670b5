package vn.bantin.media;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNameTest {

    @Test
    void keepsSlashesQuotesDotsAndDiacritics() {
        assertThat(DisplayName.of("Bản tin Nghị quyết 57-NQ/TW (số 1)")).isEqualTo("Bản tin Nghị quyết 57-NQ/TW (số 1)");
        assertThat(DisplayName.of("..\\\"Thông báo\\\" 'khẩn' a/b/c")).isEqualTo("..\\\"Thông báo\\\" 'khẩn' a/b/c");
        assertThat(DisplayName.of("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void dropsOnlyWhatCannotBeSeen() {
        assertThat(DisplayName.of("Bản\u0000 tin\u202E\r\n sáng")).isEqualTo("Bản tin sáng");
        assertThat(DisplayName.of("👩\u200D🌾 nông dân")).isEqualTo("👩\u200D🌾 nông dân");
        assertThat(DisplayName.of(" \u0001 ")).isEqualTo(DisplayName.UNTITLED);
    }

    @Test
    void fileNamesStillLoseTheirFolders() {
        assertThat(SafeFileName.of("../../57-NQ/TW.mp3")).isEqualTo("TW.mp3");
    }
}
