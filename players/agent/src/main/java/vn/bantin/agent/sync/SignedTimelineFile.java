package vn.bantin.agent.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A timeline on disk as the agent keeps it: the signature on the first line, then the exact body bytes, so the
 * two are replaced together. A pulled timeline is written this way as it arrives, never held whole in memory.
 */
public record SignedTimelineFile(Path file, String signature, long bodyOffset, long bodyLength) {

    private static final int MAX_SIGNATURE_LINE = 512;
    private static final int READ_BUFFER = 64 * 1024;

    /** A pull's answer: the file a 200 was written to, or the text of any other answer (or why nothing was written). */
    public record Pulled(Path file, String text) {
    }

    /** Reads the signature line; null when the file has none (torn or damaged). */
    public static SignedTimelineFile open(Path file) throws IOException {
        byte[] head = new byte[MAX_SIGNATURE_LINE];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == '\n') {
                return new SignedTimelineFile(file, new String(head, 0, i, StandardCharsets.US_ASCII).trim(), i + 1,
                        Files.size(file) - i - 1);
            }
        }
        return null;
    }

    /** Writes a signed body in this format (for callers that hold the bytes already). */
    public static void write(Path file, byte[] body, String signature) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            out.write(signatureLine(signature));
            out.write(body);
        }
    }

    /** The body, buffered, from its first byte. */
    public InputStream body() throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER);
        in.skipNBytes(bodyOffset);
        return in;
    }

    public byte[] bodyBytes() throws IOException {
        try (InputStream in = body()) {
            return in.readNBytes(Math.toIntExact(bodyLength));
        }
    }

    /**
     * Streams a 200's body into {@code part} behind its signature header (an unsigned answer gets an empty line,
     * refused later as unsigned); any other answer is kept as text for the log.
     */
    public static HttpResponse.BodyHandler<Pulled> download(Path part, String signatureHeader) {
        return info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                        b -> new Pulled(null, new String(b, StandardCharsets.UTF_8)));
            }
            try {
                Files.write(part, signatureLine(info.headers().firstValue(signatureHeader).orElse("")));
            } catch (IOException e) {
                String why = "cannot write " + part + ": " + e.getMessage();
                return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.discarding(),
                        v -> new Pulled(null, why));
            }
            return HttpResponse.BodySubscribers.mapping(
                    HttpResponse.BodySubscribers.ofFile(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND),
                    p -> new Pulled(p, null));
        };
    }

    private static byte[] signatureLine(String signature) {
        return ((signature == null ? "" : signature.trim()) + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
