package vn.bantin.media;

import vn.bantin.process.ExternalProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * espeak-ng 1.51 with its Vietnamese voices: vi (northern), vi-vn-x-central, vi-vn-x-south. The text goes in
 * through a UTF-8 file (never the command line), so length and characters cannot break the call.
 */
public final class EspeakTts implements TtsEngine {

    /** Words per minute: a little slower than espeak's 175, as announcers read to a street. */
    private static final int SPEED_WPM = 150;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path binary;

    public EspeakTts() {
        this(Path.of("espeak-ng"));
    }

    public EspeakTts(Path binary) {
        this.binary = binary;
    }

    static String voiceName(Voice voice) {
        return switch (voice) {
            case NORTH -> "vi";
            case CENTRAL -> "vi-vn-x-central";
            case SOUTH -> "vi-vn-x-south";
        };
    }

    @Override
    public void synthesize(String text, Voice voice, Path out) throws RenditionFailed {
        Path input = out.resolveSibling(out.getFileName() + ".txt");
        try {
            Files.writeString(input, text, StandardCharsets.UTF_8);
            ExternalProcess.Result r = ExternalProcess.of(List.of(binary.toString(), "-v", voiceName(voice), "-s",
                    String.valueOf(SPEED_WPM), "-b", "1", "-w", out.toString(), "-f", input.toString()))
                    .timeout(TIMEOUT).keep(8192).run();
            if (!r.ok() || !Files.isRegularFile(out) || Files.size(out) <= 44) {
                throw new RenditionFailed("espeak-ng không tạo được âm thanh / espeak-ng made no audio: "
                        + (r.stderr() + r.stdout()).strip());
            }
        } catch (ExternalProcess.TimedOut e) {
            throw new RenditionFailed("Đọc văn bản quá lâu nên đã dừng / Text-to-speech took too long and was stopped");
        } catch (IOException e) {
            throw new RenditionFailed("Không chạy được espeak-ng / espeak-ng could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            throw new RenditionFailed("Bị dừng / Interrupted");
        } finally {
            try {
                Files.deleteIfExists(input);
            } catch (IOException ignored) {
                // a leftover text file in the temp dir is swept with it
            }
        }
    }

    @Override
    public String name() {
        return "espeak-ng";
    }
}
