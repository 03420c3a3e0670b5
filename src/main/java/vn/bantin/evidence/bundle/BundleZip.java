package vn.bantin.evidence.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The file handed to an auditor: a ZIP holding {@code bundle.json} (the signed bytes), {@code bundle.json.sig}
 * (the controller's base64 Ed25519 signature over them) and a {@code README.txt} saying how to check it.
 */
public final class BundleZip {

    /** The signed bytes and the signature over them, as read back. */
    public record Signed(byte[] bundle, String signature) {
    }

    static final String BUNDLE = "bundle.json";
    static final String SIGNATURE = "bundle.json.sig";
    private static final String README = "README.txt";
    private static final long MAX_ENTRY_BYTES = 1L << 30;
    private static final String HOW_TO = """
            Bantin evidence bundle / Gói bằng chứng Bantin

            bundle.json      every signed play record of the period, the device public keys, the records kept
                             aside and the devices' gap notices (format bantin-evidence-bundle/1)
            bundle.json.sig  the controller's Ed25519 signature over the exact bytes of bundle.json (base64)

            Check it without the controller (Java 17):
              java -cp bantin-controller.jar vn.bantin.evidence.bundle.VerifyBundle THIS.zip \\
                   --controller-key <the controller's public key, base64, as published>
            It names every gap, fork, broken link and bad signature, and exits 0 only when there is none.
            """;

    private BundleZip() {
    }

    public static byte[] write(byte[] bundle, String signature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bundle.length / 4 + 1024);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, BUNDLE, bundle);
            entry(zip, SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII));
            entry(zip, README, HOW_TO.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a bundle ZIP; one without both files, or with a file twice, is an IllegalArgumentException. */
    public static Signed read(byte[] zipBytes) {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                byte[] content = zip.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 8));
                if (files.put(e.getName(), content) != null) {
                    throw new IllegalArgumentException("the bundle holds " + e.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable ZIP file: " + e.getMessage(), e);
        }
        if (!files.containsKey(BUNDLE) || !files.containsKey(SIGNATURE)) {
            throw new IllegalArgumentException("a bundle holds " + BUNDLE + " and " + SIGNATURE + "; this one lacks "
                    + (files.containsKey(BUNDLE) ? SIGNATURE : BUNDLE));
        }
        return new Signed(files.get(BUNDLE), new String(files.get(SIGNATURE), StandardCharsets.US_ASCII).strip());
    }
}
