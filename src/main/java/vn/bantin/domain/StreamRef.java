package vn.bantin.domain;

/**
 * What a STREAM timeline entry relays (contract: timeline, STREAM entries): the URL the controller signs,
 * the name staff gave it, and where it comes from — a registered source or a live session.
 *
 * @param epochMs the wall time of stream position 0 when known (live sessions), else null
 */
public record StreamRef(String url, String name, Long sourceId, Long liveSessionId, Long epochMs) {

    public static StreamRef of(LiveSource source) {
        return new StreamRef(source.url(), source.name(), source.id(), null, null);
    }
}
