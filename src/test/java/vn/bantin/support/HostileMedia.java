package vn.bantin.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Real files that lie, made with the real ffmpeg and then edited the way a broken or hostile tool would: the
 * edited headers carry valid checksums, so only what they claim is wrong.
 */
public final class HostileMedia {

    private HostileMedia() {
    }

    /** One second of Ogg Vorbis whose last page claims the stream runs {@code claimedSeconds} (granule position). */
    public static Path lyingOgg(Path dir, String name, long claimedSeconds) throws IOException, InterruptedException {
        Path ogg = dir.resolve(name);
        Ffmpeg.run("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ac", "1", "-ar", "44100",
                "-c:a", "libvorbis", ogg.toString());
        byte[] bytes = Files.readAllBytes(ogg);
        int page = lastIndexOf(bytes, new byte[] {'O', 'g', 'g', 'S'});
        int segments = bytes[page + 26] & 0xff;
        int length = 27 + segments;
        for (int i = 0; i < segments; i++) {
            length += bytes[page + 27 + i] & 0xff;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(page + 6, 44_100L * claimedSeconds);
        b.putInt(page + 22, 0);
        b.putInt(page + 22, oggCrc(bytes, page, length));
        return Files.write(ogg, bytes);
    }

    /** A real 16×16 PNG whose IHDR (checksum fixed) says it is width×height: a decompression bomb's header. */
    public static Path pngClaiming(Path dir, String name, int width, int height)
            throws IOException, InterruptedException {
        Path png = dir.resolve(name);
        Ffmpeg.run("-f", "lavfi", "-i", "color=c=red:s=16x16", "-frames:v", "1", png.toString());
        byte[] bytes = Files.readAllBytes(png);
        ByteBuffer b = ByteBuffer.wrap(bytes);
        b.putInt(16, width);
        b.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(bytes, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return Files.write(png, bytes);
    }

    /** Ogg's page checksum: CRC-32, polynomial 0x04C11DB7, not reflected, initial value 0. */
    private static int oggCrc(byte[] bytes, int from, int length) {
        int crc = 0;
        for (int i = from; i < from + length; i++) {
            crc ^= (bytes[i] & 0xff) << 24;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    private static int lastIndexOf(byte[] bytes, byte[] what) {
        for (int i = bytes.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
