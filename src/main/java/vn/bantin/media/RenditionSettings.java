package vn.bantin.media;

import java.util.Map;

/**
 * What an operator may set about renditions without touching code: the loudness every delivered sound is
 * normalised to, and per profile whether its renditions keep sound (a screen profile may be switched to silent
 * boards, or back). Keys media.loudness.target.lufs and media.profile.&lt;id&gt;.sound
 * (ops/bantin.sample.properties). Changing either changes the {@link RenditionRecipe} of the profiles it touches,
 * so their renditions are made again.
 *
 * @param soundByProfile profile id → keeps sound; a profile not named keeps its built-in choice
 */
public record RenditionSettings(double targetLufs, Map<String, Boolean> soundByProfile) {

    /** The loudest and quietest targets accepted: broadcast practice lies between −24 and −14 LUFS. */
    public static final double MIN_TARGET_LUFS = -30;
    public static final double MAX_TARGET_LUFS = -10;

    public static final RenditionSettings DEFAULTS = new RenditionSettings(AudioLevels.TARGET_LUFS, Map.of());

    public RenditionSettings {
        if (!(targetLufs >= MIN_TARGET_LUFS && targetLufs <= MAX_TARGET_LUFS)) {
            throw new IllegalArgumentException("loudness target must be between " + MIN_TARGET_LUFS + " and "
                    + MAX_TARGET_LUFS + " LUFS, got " + targetLufs);
        }
        for (String id : soundByProfile.keySet()) {
            MediaProfile p = MediaProfile.byId(id).orElseThrow(() -> new IllegalArgumentException(
                    "unknown media profile " + id));
            if (p == MediaProfile.SPEAKER_SPEECH && !soundByProfile.get(id)) {
                throw new IllegalArgumentException("the speaker profile cannot be made silent");
            }
        }
        soundByProfile = Map.copyOf(soundByProfile);
    }

    /** Whether this profile's renditions carry (normalised) sound. */
    public boolean sound(MediaProfile profile) {
        return soundByProfile.getOrDefault(profile.id(), profile.sound());
    }

    /** Everything a rendition for this profile is made from, as these settings make it now. */
    public RenditionRecipe recipe(MediaProfile profile) {
        return new RenditionRecipe(profile, profile.width(), profile.height(), sound(profile), targetLufs);
    }
}
