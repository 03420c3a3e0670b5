package vn.bantin.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Screenshots agents sent back, one PNG file per command under {@code data.dir/screenshots}. */
public final class Screenshots {

    public static final int MAX_BYTES = 4 << 20;
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Path dir;

    public Screenshots(Path dir) {
        this.dir = dir;
    }

    Path file(long commandId) {
        return dir.resolve(commandId + ".png");
    }

    void save(long commandId, byte[] png) {
        if (png.length > MAX_BYTES || png.length < PNG.length || !Arrays.equals(png, 0, PNG.length, PNG, 0, PNG.length)) {
            throw ApiException.badRequest("bad_png", "Ảnh chụp không phải PNG hoặc quá lớn / the screenshot must be a"
                    + " PNG of at most " + MAX_BYTES + " bytes");
        }
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + commandId, ".tmp");
            Files.write(temp, png);
            Files.move(temp, file(commandId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
