package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.media.RenditionFailed;
import vn.bantin.media.TtsEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

/**
 * Ad-hoc announcements: Vietnamese text → speech (through a {@link TtsEngine}) → an AUDIO asset, ingested like
 * an upload, so it gets the same checks and the same loudness-normalised speaker rendition as any bulletin.
 */
public final class TtsService {

    public static final int MAX_CHARS = 5000;

    private final TtsEngine engine;
    private final AssetService assets;
    private final Path tempDir;

    public TtsService(TtsEngine engine, AssetService assets, Path tempDir) {
        this.engine = engine;
        this.assets = assets;
        this.tempDir = tempDir;
    }

    /** Speaks the text into a new asset of the actor's area. */
    public AssetService.Uploaded speak(Actor actor, String text, String voiceName, String name) {
        String clean = clean(text);
        TtsEngine.Voice voice = voice(voiceName);
        return assets.upload(actor, synthesize(clean, voice), name == null || name.isBlank()
                ? defaultName(clean, voice) : name);
    }

    /**
     * Speaks the text into a WAV file that is not stored, to listen to before saving; the caller deletes it.
     * The actor only has to be allowed to make content: nothing is kept.
     */
    public Path listen(String text, String voiceName) {
        return synthesize(clean(text), voice(voiceName));
    }

    private static String clean(String text) {
        String clean = text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC).strip();
        if (clean.isEmpty()) {
            throw ApiException.badRequest("empty_text", "Chưa có nội dung cần đọc / The text is empty");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_CHARS) {
            throw ApiException.badRequest("text_too_long", "Văn bản dài quá " + MAX_CHARS + " ký tự, hãy chia nhỏ"
                    + " / The text is longer than " + MAX_CHARS + " characters; split it");
        }
        return clean;
    }

    private static TtsEngine.Voice voice(String voiceName) {
        return TtsEngine.Voice.parse(voiceName).orElseThrow(() -> ApiException.badRequest(
                "bad_voice", "Giọng đọc phải là north, central hoặc south / voice must be north, central or south"));
    }

    private Path synthesize(String text, TtsEngine.Voice voice) {
        Path wav;
        try {
            Files.createDirectories(tempDir);
            wav = Files.createTempFile(tempDir, "tts-", ".wav");
        } catch (IOException e) {
            throw new ApiException(500, "store_failed", "Không tạo được tệp tạm / No temp file: " + e.getMessage());
        }
        try {
            engine.synthesize(text, voice, wav);
            return wav;
        } catch (RenditionFailed e) {
            deleteQuietly(wav);
            throw new ApiException(502, "tts_failed", e.getMessage());
        }
    }

    private static String defaultName(String text, TtsEngine.Voice voice) {
        String firstWords = text.codePointCount(0, text.length()) <= 40 ? text
                : text.substring(0, text.offsetByCodePoints(0, 40)).strip() + "…";
        return "Đọc tự động (" + voice.name().toLowerCase() + "): " + firstWords + ".wav";
    }

    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the temp dir is swept by upload clean-up
        }
    }
}
