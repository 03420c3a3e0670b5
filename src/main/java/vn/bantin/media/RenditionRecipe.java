package vn.bantin.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The parameters a rendition is made with. Each stored rendition keeps the {@link #fingerprint()} of its recipe;
 * one that differs from the profile's recipe now was made by older settings (or older code) and is made again,
 * while the old file keeps serving until the new one is stored.
 */
public record RenditionRecipe(MediaProfile profile, int width, int height, boolean sound, double targetLufs) {

    /**
     * Bumped whenever the ffmpeg commands of {@link RenditionMaker} change what they deliver (codec settings,
     * filters), so renditions made by the older commands are made again. 1: square pixels, sound normalised
     * on screens, loudness measured on the delivered file (issue 12).
     */
    static final int MAKER_REVISION = 1;

    /** A short, stable hash of everything above: "r1-" then 16 hex digits of SHA-256. */
    public String fingerprint() {
        String canonical = String.format(Locale.ROOT, "%s|%dx%d|sound=%b|I=%s|TP=%.1f|mp3=%s|x264=veryfast/23/%d",
                profile.id(), width, height, sound, sound ? String.format(Locale.ROOT, "%.1f", targetLufs) : "-",
                AudioLevels.DELIVERED_TP_LIMIT, RenditionMaker.SPEECH_BITRATE, RenditionMaker.MAX_FPS);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "r" + MAKER_REVISION + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
