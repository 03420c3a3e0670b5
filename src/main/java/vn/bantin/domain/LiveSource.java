package vn.bantin.domain;

/**
 * An upper-level station a STREAM slot relays: an Icecast/HTTP stream or an HLS playlist, with what the
 * endpoint plays while the stream is down ({@code fallback}: an audio asset looped, null = silence).
 *
 * @param areaId the owner area (null: made with full scope)
 */
public record LiveSource(long id, String name, String url, String description, Long areaId, Asset fallback,
                         boolean archived, long createdAt, long updatedAt) {

    public enum Kind { ICECAST, HLS }

    public Kind kind() {
        return StreamUrl.isHls(url) ? Kind.HLS : Kind.ICECAST;
    }
}
