package vn.bantin.agent.playback;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * mpv's JSON IPC over its UNIX socket: commands matched to replies by request_id; events handed, in
 * order, to one listener on the reader thread. When the connection ends the listener gets {@link #CLOSED}.
 */
public final class MpvIpc implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MpvIpc.class.getName());
    public static final Map<String, Object> CLOSED = Map.of("event", "ipc-closed");
    static final long REPLY_TIMEOUT_MS = 5_000;

    private final SocketChannel channel;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Consumer<Map<String, Object>> events;
    private volatile boolean open = true;

    private MpvIpc(SocketChannel channel, Consumer<Map<String, Object>> events) {
        this.channel = channel;
        this.events = events;
        Thread reader = new Thread(this::readLoop, "mpv-ipc");
        reader.setDaemon(true);
        reader.start();
    }

    public static MpvIpc connect(Path socket, Consumer<Map<String, Object>> events) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new MpvIpc(channel, events);
    }

    /** Sends a command and returns the reply's {@code data}; throws if mpv reports an error or stays silent. */
    public Object command(Object... args) throws IOException {
        return commandWithin(REPLY_TIMEOUT_MS, args);
    }

    public Object commandWithin(long timeoutMs, Object... args) throws IOException {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            byte[] line = (JSON.std.asString(Map.of("command", List.of(args), "request_id", id)) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            synchronized (channel) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
            Map<String, Object> answer = reply.get(timeoutMs, TimeUnit.MILLISECONDS);
            if (!"success".equals(answer.get("error"))) {
                throw new IOException("mpv " + args[0] + ": " + answer.get("error"));
            }
            return answer.get("data");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("mpv " + args[0] + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pending.remove(id);
        }
    }

    public void set(String property, Object value) throws IOException {
        command("set_property", property, value);
    }

    public boolean isOpen() {
        return open;
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (channel.read(buf) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    dispatch(JSON.std.mapFrom(line.toByteArray()));
                    line.reset();
                }
                buf.clear();
            }
        } catch (IOException e) {
            if (open) {
                LOG.warning("mpv connection lost: " + e.getMessage());
            }
        } finally {
            open = false;
            pending.values().forEach(f -> f.completeExceptionally(new IOException("mpv connection closed")));
            events.accept(CLOSED);
        }
    }

    private void dispatch(Map<String, Object> msg) {
        if (msg.containsKey("event")) {
            events.accept(msg);
        } else if (msg.get("request_id") instanceof Number n) {
            CompletableFuture<Map<String, Object>> f = pending.get(n.longValue());
            if (f != null) {
                f.complete(msg);
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        channel.close();
    }
}
