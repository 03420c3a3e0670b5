package vn.bantin.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reasons the agent writes (players/agent playback), each put in words a culture officer understands. */
@DisplayName("PlayReason: a device's technical reason in plain Vietnamese and English")
class PlayReasonTest {

    @Test
    @DisplayName("interrupted by what: an emergency alert, a new timeline, the player stopping")
    void interruptedByWhat() {
        assertThat(PlayReason.of("preempted by emergency live session 7").vi())
                .isEqualTo("nhường cho phát trực tiếp khẩn cấp (phiên 7)");
        assertThat(PlayReason.of("preempted by emergency alert").vi()).isEqualTo("nhường cho bản tin khẩn cấp");
        assertThat(PlayReason.of("preempted by a new timeline").en()).isEqualTo("replaced by a new timeline");
        assertThat(PlayReason.of("mpv exited with code 137; mpv restarted").vi())
                .isEqualTo("trình phát bị lỗi và được khởi động lại");
        assertThat(PlayReason.of("mpv stopped answering for 5012 ms; restarting it").en())
                .isEqualTo("the player hung and was restarted");
        assertThat(PlayReason.of("loop window ended after 42000 of 60000 ms").vi())
                .isEqualTo("hết khung giờ phát lặp, sau 42/60 giây");
        assertThat(PlayReason.of("joined 12.5 s into the item; heard 47500 of 60000 ms").en())
                .isEqualTo("joined 12.5 s late; 47/60 s heard");
    }

    @Test
    @DisplayName("failed or missed why: the file, the cache, the device not running, lateness")
    void failedWhy() {
        assertThat(PlayReason.of("mpv could not play the file: unrecognized file format").vi())
                .isEqualTo("không phát được tệp (tệp hỏng hoặc sai định dạng)");
        assertThat(PlayReason.of("media not in the cache within 30000 ms of its start").vi())
                .isEqualTo("chưa tải được tệp về thiết bị trong 30 giây sau giờ phát");
        assertThat(PlayReason.of("not played at its time: the agent was not running").en())
                .isEqualTo("the device was not running at the time (power cut or switched off)");
        assertThat(PlayReason.of("reached 4200 ms late").vi()).isEqualTo("thiết bị đến giờ phát muộn 4.2 giây");
    }

    @Test
    @DisplayName("words it does not know are shown as the device wrote them; the device's words are always kept")
    void unknownKept() {
        PlayReason.Words w = PlayReason.of("amplifier relay stuck");
        assertThat(w.vi()).isEqualTo("amplifier relay stuck");
        assertThat(w.en()).isEqualTo("amplifier relay stuck");
        assertThat(PlayReason.of("preempted by emergency alert").device()).isEqualTo("preempted by emergency alert");
        assertThat(PlayReason.of(null)).isNull();
    }
}
