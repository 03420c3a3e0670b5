package vn.bantin.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** What a relayable stream URL must be: http(s), a host, no credentials; an HLS playlist ends in .m3u8. */
public final class StreamUrl {

    public static final int MAX_LENGTH = 2000;

    private StreamUrl() {
    }

    /** Why {@code raw} cannot be relayed, in words (Vietnamese / English), or empty when it can. */
    public static Optional<String> problem(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH) {
            return Optional.of("Địa chỉ luồng phải có, tối đa " + MAX_LENGTH + " ký tự / the stream url is required,"
                    + " at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return Optional.of("Địa chỉ luồng không hợp lệ: " + e.getReason() + " / not a valid url: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("Chỉ nhận luồng http:// hoặc https:// (Icecast hoặc HLS .m3u8), không nhận '" + scheme
                    + "' / only http:// or https:// streams (Icecast or HLS .m3u8) can be relayed, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("Địa chỉ luồng thiếu tên máy chủ / the stream url has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Không ghi tên đăng nhập/mật khẩu trong địa chỉ luồng (thiết bị nào cũng thấy) / no"
                    + " user name or password in a stream url (every endpoint would see it)");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("Địa chỉ luồng không được có phần '#' / a stream url has no '#' fragment");
        }
        return Optional.empty();
    }

    public static boolean isHls(String url) {
        try {
            String path = new URI(url).getPath();
            return path != null && path.toLowerCase(Locale.ROOT).endsWith(".m3u8");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
