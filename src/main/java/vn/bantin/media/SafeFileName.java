package vn.bantin.media;

/**
 * Turns the name of an uploaded file (what a browser or client sends as the multipart file name, possibly with
 * the folders it came from) into a display name: the last path segment only, no leading dots, then cleaned as
 * {@link DisplayName} cleans a typed name. A name a person typed goes through {@link DisplayName} alone, so its
 * slashes stay.
 */
public final class SafeFileName {

    private SafeFileName() {
    }

    public static String of(String original) {
        if (original == null) {
            return DisplayName.UNTITLED;
        }
        String name = original.replace('\\', '/');
        String cleaned = DisplayName.of(name.substring(name.lastIndexOf('/') + 1));
        return DisplayName.of(stripLeadingDots(cleaned));
    }

    private static String stripLeadingDots(String name) {
        int i = 0;
        while (i < name.length() && (name.charAt(i) == '.' || name.charAt(i) == ' ')) {
            i++;
        }
        return name.substring(i);
    }
}
