package vn.bantin.media;

import java.text.Normalizer;

/**
 * A name a person typed for an asset ("Bản tin Nghị quyết 57-NQ/TW (số 1)"), kept as typed: slashes, quotes,
 * dots and diacritics stay (NFC-normalised so they compare and render the same). Only what cannot be seen or
 * would reorder the text on screen goes: control characters, bidi overrides and other format characters
 * (except the joiners emoji and some scripts need); runs of white space become one space; the length is capped.
 * It is never used as a path: files are stored by hash. Rendering it safely is the UI's (text, never HTML).
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 200;
    public static final String UNTITLED = "untitled";
    private static final int MAX_KEPT_EXTENSION = 16;
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private DisplayName() {
    }

    public static String of(String typed) {
        if (typed == null) {
            return UNTITLED;
        }
        String name = visibleOnly(Normalizer.normalize(typed, Normalizer.Form.NFC)).replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? UNTITLED : truncate(name);
    }

    private static String visibleOnly(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (cp == ZWJ || cp == ZWNJ || type != Character.CONTROL && type != Character.FORMAT
                    && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Cuts to MAX_LENGTH code points, keeping a short extension such as ".mp3" on the end. */
    private static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= MAX_KEPT_EXTENSION ? name.substring(dot) : "";
        int keep = MAX_LENGTH - ext.codePointCount(0, ext.length());
        String stem = name.substring(0, name.offsetByCodePoints(0, keep)).strip();
        return stem + ext;
    }
}
