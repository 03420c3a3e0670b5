package vn.bantin.agent.playback;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/** mpv's JSON IPC over its UNIX socket: commands matched to replies by request_id, events queued. */
public final class MpvIpc implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MpvIpc.class.getName());
    /** Queued when the connection ends, so a waiting player learns mpv is gone. */
    public static final Map<String, Object> CLOSED = Map.of("event", "ipc-closed");
    private static final long REPLY_TIMEOUT_MS = 5_000;

    private final SocketChannel channel;
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean open = true;

    private MpvIpc(SocketChannel channel) {
        this.channel = channel;
        Thread reader = new Thread(this::readLoop, "mpv-ipc");
        reader.setDaemon(true);
        reader.start();
    }

    public static MpvIpc connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new MpvIpc(channel);
    }

    /** Sends a command and returns the reply's {@code data}; throws if mpv reports an error. */
    public Object command(Object... args) throws IOException {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            byte[] line = (JSON.std.asString(Map.of("command", List.of(args), "request_id", id)) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            synchronized (channel) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    channel.write(buf);
                }
            }
            Map<String, Object> answer = reply.get(REPLY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
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

    /** The next event, or null after {@code timeoutMs}. */
    public Map<String, Object> nextEvent(long timeoutMs) throws InterruptedException {
        return events.poll(Math.max(0, timeoutMs), TimeUnit.MILLISECONDS);
    }

    public void clearEvents() {
        events.clear();
        if (!open) {
            events.add(CLOSED);
        }
    }

    public boolean isOpen() {
        return open;
    }

    @SuppressWarnings("unchecked")
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
                    Map<String, Object> msg = JSON.std.mapFrom(line.toByteArray());
                    line.reset();
                    Object requestId = msg.get("request_id");
                    if (msg.containsKey("event")) {
                        events.add(msg);
                    } else if (requestId instanceof Number n) {
                        CompletableFuture<Map<String, Object>> f = pending.get(n.longValue());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
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
            events.add(CLOSED);
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        channel.close();
    }
}
