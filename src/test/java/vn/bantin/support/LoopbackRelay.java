package vn.bantin.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP relay in front of the controller: counts every byte an agent exchanges through it, keeps what
 * the agent sent (plain HTTP: its request lines and headers can be read), can slow the controller's answers to a
 * rate, and can cut the link (every open connection dropped, new ones closed at once) and restore it, as a
 * flapping 3G link.
 */
public final class LoopbackRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicLong bytes = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final StringBuffer sent = new StringBuffer();
    private volatile boolean up = true;
    private volatile long downBytesPerSecond;

    public LoopbackRelay(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread accept = new Thread(this::accept, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public long bytes() {
        return bytes.get();
    }

    /** Drops every open connection; new ones are closed as they come until {@link #restore}. */
    public void cut() {
        up = false;
        open.forEach(LoopbackRelay::closeQuietly);
        open.clear();
    }

    public void restore() {
        up = true;
    }

    /** From now on the controller's answers reach the agent at no more than this rate (0: no limit). */
    public void throttle(long bytesPerSecond) {
        downBytesPerSecond = bytesPerSecond;
    }

    /** Everything the agent sent so far, as ISO-8859-1 text (the first 4 MB). */
    public String sentByAgent() {
        return sent.toString();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket in = server.accept();
                if (!up) {
                    closeQuietly(in);
                    continue;
                }
                Socket out = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(in);
                open.add(out);
                pump(in, out, true);
                pump(out, in, false);
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromAgent) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[fromAgent ? 16384 : 4096];
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                for (int n; (n = i.read(buf)) >= 0; ) {
                    bytes.addAndGet(n);
                    if (fromAgent && sent.length() < (4 << 20)) {
                        sent.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    }
                    long rate = downBytesPerSecond;
                    if (!fromAgent && rate > 0) {
                        Thread.sleep(n * 1000L / rate);
                    }
                    o.write(buf, 0, n);
                    o.flush();
                }
            } catch (IOException | InterruptedException ignored) {
                // one side closed or the link was cut: close both
            } finally {
                closeQuietly(to);
                closeQuietly(from);
                open.remove(to);
                open.remove(from);
            }
        }, "relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
