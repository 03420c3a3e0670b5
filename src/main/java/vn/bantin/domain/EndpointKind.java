package vn.bantin.domain;

/** A LED screen takes VIDEO and IMAGE; a loudspeaker cluster (cụm loa) takes AUDIO. */
public enum EndpointKind {
    SCREEN, SPEAKER;

    public boolean accepts(AssetKind kind) {
        return this == SCREEN ? kind != AssetKind.AUDIO : kind == AssetKind.AUDIO;
    }
}
