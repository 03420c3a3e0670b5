package vn.bantin.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The endpoints map in the web UI. Every key is documented in ops/bantin.sample.properties.
 *
 * @param tileUrl     a tile server's URL template ({z}/{x}/{y}), e.g. the province's own; null: no tiles, the map
 *                    shows a coordinate grid (a closed network fetches nothing from outside)
 * @param attribution the credit the tile server asks for, shown on the map as text
 * @param maxZoom     the deepest zoom level the tile server serves
 */
public record MapConfig(String tileUrl, String attribution, int maxZoom) {

    public MapConfig {
        if (tileUrl != null && !(tileUrl.contains("{z}") && tileUrl.contains("{x}") && tileUrl.contains("{y}")
                && tileOrigin(tileUrl) != null)) {
            throw new IllegalArgumentException("ui.map.tiles.url must be an http(s) URL template with {z}, {x} and {y},"
                    + " got " + tileUrl);
        }
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("ui.map.max.zoom must be 1-22, got " + maxZoom);
        }
    }

    /**
     * Where tiles come from (scheme://host[:port]; {s} subdomains as *.), for the page's Content-Security-Policy;
     * null without tiles.
     */
    public String tileOrigin() {
        return tileUrl == null ? null : tileOrigin(tileUrl);
    }

    private static String tileOrigin(String template) {
        try {
            URI uri = new URI(template.replace("{s}.", "sub.").replaceAll("\\{[a-z]}", "0"));
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
                return null;
            }
            String host = template.contains("{s}.") ? uri.getHost().replaceFirst("^sub\\.", "*.") : uri.getHost();
            return scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
