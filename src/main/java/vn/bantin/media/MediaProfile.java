package vn.bantin.media;

import vn.bantin.domain.AssetKind;
import vn.bantin.domain.EndpointKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an endpoint can play, and so which rendition of an asset it downloads. Screen profiles have a
 * resolution (video and pictures are fitted inside it and letterboxed); the speaker profile is mono speech,
 * loudness-normalised. One rendition is made per asset and profile and shared by every endpoint with it.
 */
public enum MediaProfile {
    SCREEN_1920X1080("screen-1920x1080", EndpointKind.SCREEN, 1920, 1080, true),
    SCREEN_1280X720("screen-1280x720", EndpointKind.SCREEN, 1280, 720, true),
    /** Outdoor LED boards have no speakers: their renditions carry no sound at all. */
    LED_768X384("led-768x384", EndpointKind.SCREEN, 768, 384, false),
    LED_960X320("led-960x320", EndpointKind.SCREEN, 960, 320, false),
    SPEAKER_SPEECH("speaker-speech", EndpointKind.SPEAKER, 0, 0, true);

    private final String id;
    private final EndpointKind endpointKind;
    private final int width;
    private final int height;
    private final boolean sound;

    MediaProfile(String id, EndpointKind endpointKind, int width, int height, boolean sound) {
        this.id = id;
        this.endpointKind = endpointKind;
        this.width = width;
        this.height = height;
        this.sound = sound;
    }

    /** Whether renditions for this profile keep (normalised) sound; false strips it, for silent boards. */
    public boolean sound() {
        return sound;
    }

    public String id() {
        return id;
    }

    public EndpointKind endpointKind() {
        return endpointKind;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public static Optional<MediaProfile> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The profile an endpoint has until someone sets another: SCREEN 1280×720, SPEAKER speech. */
    public static MediaProfile defaultFor(EndpointKind kind) {
        return kind == EndpointKind.SCREEN ? SCREEN_1280X720 : SPEAKER_SPEECH;
    }

    /** The stored profile of an endpoint, or its kind's default when none is stored (or it is unknown). */
    public static MediaProfile of(EndpointKind kind, String storedId) {
        return storedId == null ? defaultFor(kind)
                : byId(storedId).filter(p -> p.endpointKind == kind).orElse(defaultFor(kind));
    }

    /** Every profile an asset of this kind needs a rendition for. */
    public static List<MediaProfile> forAsset(AssetKind kind) {
        EndpointKind target = kind == AssetKind.AUDIO ? EndpointKind.SPEAKER : EndpointKind.SCREEN;
        return Arrays.stream(values()).filter(p -> p.endpointKind == target).toList();
    }
}
