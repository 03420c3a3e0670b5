package vn.bantin.media;

import vn.bantin.domain.AssetKind;

/**
 * What ffprobe found in an accepted file (its duration: what decoding found, see MediaProbe). Absent parts are null (codecs) or 0 (numbers); an IMAGE has
 * durationMs 0. container is ffprobe's format name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "png_pipe".
 */
public record ProbeResult(AssetKind kind, long durationMs, String container, String videoCodec,
                          String audioCodec, int width, int height, int audioChannels, int sampleRate) {

    public ProbeResult withDuration(long ms) {
        return new ProbeResult(kind, ms, container, videoCodec, audioCodec, width, height, audioChannels, sampleRate);
    }
}
