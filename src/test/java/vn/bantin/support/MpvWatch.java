package vn.bantin.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second client on a running agent's mpv IPC socket (mpv takes several), reading what it plays now: an outside
 * observer of the real player, for offsets between loudspeakers and mouth-to-speaker latency.
 */
public final class MpvWatch implements AutoCloseable {

    /** The wall clock (ms) when mpv answered, and the stream position it was playing then (s). */
    public record Sample(long wallMs, double posSeconds) {
        /** How long after {@code epochMs + pos} (when that sample was taken) it was playing. */
        public double lagMs(long epochMs) {
            return wallMs - epochMs - posSeconds * 1000;
        }
    }

    private final SocketChannel channel;
    private final BufferedReader in;
    private long ids;

    private MpvWatch(SocketChannel channel) {
        this.channel = channel;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    public static MpvWatch connect(Path socket) throws IOException {
        SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
        c.connect(UnixDomainSocketAddress.of(socket));
        return new MpvWatch(c);
    }

    /** What mpv plays now, or null while it plays nothing with a position (idle, opening). */
    public synchronized Sample sample() throws IOException {
        long id = ++ids;
        String line = new JsonObject().put("command", new JsonArray().add("get_property").add("time-pos"))
                .put("request_id", id).encode() + "\n";
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        for (String reply; (reply = in.readLine()) != null; ) {
            JsonObject m = new JsonObject(reply);
            if (m.getLong("request_id", -1L) == id) {
                long at = System.currentTimeMillis();
                return m.getValue("data") instanceof Number n ? new Sample(at, n.doubleValue()) : null;
            }
        }
        throw new IOException("mpv closed its IPC socket");
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
