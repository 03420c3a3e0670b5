package vn.bantin.media;

import java.text.Normalizer;

/**
 * Turns an uploaded file's name into a display name. It is never used as a path: files are stored by hash.
 * Keeps the last path segment only, drops control and formatting characters (NUL, bidi overrides),
 * NFC-normalises so Vietnamese diacritics compare and render the same, and caps the length.
 */
public final class SafeFileName {

    public static final int MAX_LENGTH = 200;
    public static final String UNTITLED = "untitled";
    private static final int MAX_KEPT_EXTENSION = 16;

    private SafeFileName() {
    }

    public static String of(String original) {
        if (original == null) {
            return UNTITLED;
        }
        String name = Normalizer.normalize(original, Normalizer.Form.NFC).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = visibleOnly(name).replaceAll("\\s+", " ").strip();
        name = stripLeadingDots(name);
        return name.isEmpty() ? UNTITLED : truncate(name);
    }

    private static String visibleOnly(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp)) {
                out.append(' ');
            } else if (type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String stripLeadingDots(String name) {
        int i = 0;
        while (i < name.length() && (name.charAt(i) == '.' || name.charAt(i) == ' ')) {
            i++;
        }
        return name.substring(i);
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
