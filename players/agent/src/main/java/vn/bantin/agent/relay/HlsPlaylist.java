package vn.bantin.agent.relay;

import java.net.URI;
import java.util.Locale;

/**
 * What a relay needs to know of an HLS playlist: whether it is a master (pointing at a variant to judge instead),
 * whether it has ended ({@code #EXT-X-ENDLIST}), and which segment is its newest, so a playlist that stopped
 * growing (the station's encoder died, its web server still answers) can be told from one that is live.
 */
record HlsPlaylist(URI variant, boolean ended, String newest) {

    static boolean isHls(URI uri) {
        String path = uri.getPath();
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".m3u8");
    }

    /** Parses {@code text} fetched from {@code from}; a text that is no HLS playlist gets a clear error. */
    static HlsPlaylist parse(URI from, String text) {
        String[] lines = text.split("\\R");
        if (lines.length == 0 || !lines[0].strip().startsWith("#EXTM3U")) {
            throw new IllegalArgumentException("the stream at " + from + " is not an HLS playlist (no #EXTM3U)");
        }
        long sequence = 0;
        boolean ended = false;
        boolean variantNext = false;
        String last = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#EXT-X-STREAM-INF")) {
                variantNext = true;
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = sequence(from, line.substring("#EXT-X-MEDIA-SEQUENCE:".length()).strip());
            } else if (line.startsWith("#EXT-X-ENDLIST")) {
                ended = true;
            } else if (!line.startsWith("#")) {
                if (variantNext) {
                    return new HlsPlaylist(from.resolve(line), false, null);
                }
                last = line;
            }
        }
        return new HlsPlaylist(null, ended, last == null ? null : sequence + " " + last);
    }

    private static long sequence(URI from, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the HLS playlist at " + from + " has a bad #EXT-X-MEDIA-SEQUENCE: '"
                    + value + "'");
        }
    }

    boolean isMaster() {
        return variant != null;
    }
}
