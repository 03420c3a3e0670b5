package vn.bantin.app;

import vn.bantin.domain.AssetKind;
import vn.bantin.domain.EndpointKind;
import vn.bantin.media.MediaProfile;
import vn.bantin.store.Rendition;
import vn.bantin.store.StoredAsset;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a browser plays to preview an asset: the smallest rendition of the kind of endpoint that airs it (what
 * people will actually hear or see, and light on a phone), or the upload itself while none is made yet.
 */
public final class AssetPlayback {

    /** The file's content hash in the store and its media type. */
    public record Playable(String sha256, String contentType) {
    }

    private static final Map<AssetKind, String> RENDITION_TYPES = Map.of(AssetKind.VIDEO, "video/mp4",
            AssetKind.AUDIO, "audio/mpeg", AssetKind.IMAGE, "image/png");
    /** ffprobe's format names of common uploads, as browsers know them. */
    private static final Map<String, String> ORIGINAL_TYPES = Map.ofEntries(Map.entry("wav", "audio/wav"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"),
            Map.entry("mov,mp4,m4a,3gp,3g2,mj2", "video/mp4"), Map.entry("matroska,webm", "video/webm"),
            Map.entry("png_pipe", "image/png"), Map.entry("image2", "image/jpeg"), Map.entry("jpeg_pipe", "image/jpeg"),
            Map.entry("webp_pipe", "image/webp"));

    private AssetPlayback() {
    }

    public static Playable of(StoredAsset stored, List<Rendition> renditions) {
        AssetKind kind = stored.asset().kind();
        EndpointKind airsOn = kind == AssetKind.AUDIO ? EndpointKind.SPEAKER : EndpointKind.SCREEN;
        Optional<Rendition> smallest = renditions.stream()
                .filter(r -> MediaProfile.byId(r.profile()).map(p -> p.endpointKind() == airsOn).orElse(false))
                .min(Comparator.comparingLong(Rendition::sizeBytes));
        return smallest.map(r -> new Playable(r.sha256(), RENDITION_TYPES.get(kind)))
                .orElseGet(() -> new Playable(stored.asset().sha256(),
                        ORIGINAL_TYPES.getOrDefault(stored.formatName(), "application/octet-stream")));
    }
}
