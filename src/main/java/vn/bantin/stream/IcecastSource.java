package vn.bantin.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A source connection to an Icecast mount (HTTP PUT, Icecast ≥ 2.4): the stream's bytes go to the returned
 * stream. The source password travels only in this connection's header, never in a command line.
 */
public final class IcecastSource {

    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int ANSWER_TIMEOUT_MS = 5000;

    /** Where to send and with which credentials. */
    public record Target(String host, int port, String mount, String user, String password) {
    }

    private IcecastSource() {
    }

    /** Opens the mount for an Ogg stream; IOException naming Icecast's answer when it refuses. */
    public static OutputStream open(Target t, String streamName) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(t.host(), t.port()), CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            String auth = Base64.getEncoder().encodeToString((t.user() + ":" + t.password())
                    .getBytes(StandardCharsets.UTF_8));
            String request = "PUT " + t.mount() + " HTTP/1.1\r\nHost: " + t.host() + ":" + t.port()
                    + "\r\nAuthorization: Basic " + auth + "\r\nContent-Type: audio/ogg\r\nIce-Public: 0\r\n"
                    + "Ice-Name: " + headerSafe(streamName) + "\r\nExpect: 100-continue\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String status = statusLine(socket.getInputStream());
            if (!status.matches("HTTP/1\\.[01] (100|200) .*")) {
                throw new IOException("Icecast refused the source for " + t.mount() + ": " + status);
            }
            socket.setSoTimeout(0);
            return out;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The first line of the answer; the rest of its head is read and dropped. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0 || head.length() > 8192) {
                break;
            }
            head.append((char) b);
        }
        String text = head.toString();
        int eol = text.indexOf("\r\n");
        return eol < 0 ? text.strip() : text.substring(0, eol);
    }

    /** A header value without line breaks or characters outside printable ASCII (names are Vietnamese). */
    private static String headerSafe(String value) {
        return value == null ? "" : value.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
