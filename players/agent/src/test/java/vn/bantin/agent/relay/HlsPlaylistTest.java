package vn.bantin.agent.relay;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("An HLS playlist as a relay judges it")
class HlsPlaylistTest {

    private static final URI AT = URI.create("http://127.0.0.1:8000/tinh/tinh.m3u8");

    @Test
    @DisplayName("a live media playlist: its newest segment is the sequence and the last one listed; not ended")
    void live() {
        HlsPlaylist p = HlsPlaylist.parse(AT, "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n"
                + "#EXT-X-MEDIA-SEQUENCE:41\n#EXTINF:1.000000,\nseg-41.ts\n#EXTINF:1.000000,\nseg-42.ts\n");
        assertThat(p.isMaster()).isFalse();
        assertThat(p.ended()).isFalse();
        assertThat(p.newest()).isEqualTo("41 seg-42.ts");
        HlsPlaylist grown = HlsPlaylist.parse(AT, "#EXTM3U\r\n#EXT-X-MEDIA-SEQUENCE:42\r\n#EXTINF:1,\r\nseg-42.ts\r\n"
                + "#EXTINF:1,\r\nseg-43.ts\r\n");
        assertThat(grown.newest()).isNotEqualTo(p.newest()).isEqualTo("42 seg-43.ts");
    }

    @Test
    @DisplayName("an ended playlist says so; an empty one has no newest segment")
    void endedAndEmpty() {
        assertThat(HlsPlaylist.parse(AT, "#EXTM3U\n#EXTINF:1,\nseg-1.ts\n#EXT-X-ENDLIST\n").ended()).isTrue();
        assertThat(HlsPlaylist.parse(AT, "#EXTM3U\n#EXT-X-TARGETDURATION:1\n").newest()).isNull();
    }

    @Test
    @DisplayName("a master playlist points at its first variant, resolved against where it came from")
    void master() {
        HlsPlaylist p = HlsPlaylist.parse(AT, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=64000,CODECS=\"mp4a.40.2\"\n"
                + "64k/index.m3u8\n#EXT-X-STREAM-INF:BANDWIDTH=128000\n128k/index.m3u8\n");
        assertThat(p.isMaster()).isTrue();
        assertThat(p.variant()).isEqualTo(URI.create("http://127.0.0.1:8000/tinh/64k/index.m3u8"));
    }

    @Test
    @DisplayName("what is no HLS playlist, or has a bad media sequence, gets a clear error")
    void notAPlaylist() {
        assertThatThrownBy(() -> HlsPlaylist.parse(AT, "<html>502 Bad Gateway</html>"))
                .hasMessageContaining("not an HLS playlist");
        assertThatThrownBy(() -> HlsPlaylist.parse(AT, "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:abc\nseg.ts\n"))
                .hasMessageContaining("bad #EXT-X-MEDIA-SEQUENCE");
    }
}
