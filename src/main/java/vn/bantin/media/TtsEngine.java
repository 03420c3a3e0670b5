package vn.bantin.media;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Text-to-speech behind one call, so a better Vietnamese engine can replace espeak-ng without other changes. */
public interface TtsEngine {

    /** The three regional accents announcers are asked for. */
    enum Voice {
        NORTH, CENTRAL, SOUTH;

        public static Optional<Voice> parse(String raw) {
            if (raw == null) {
                return Optional.of(NORTH);
            }
            try {
                return Optional.of(valueOf(raw.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** Speaks text (UTF-8 Vietnamese) in voice into a WAV file at out. Blocking. */
    void synthesize(String text, Voice voice, Path out) throws RenditionFailed;

    /** Names the engine in logs and asset names. */
    String name();
}
