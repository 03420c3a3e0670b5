package vn.bantin.agent.relay;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.agent.clock.AgentClock;
import vn.bantin.agent.spool.PlayRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay against a station that is down when its window opens (issue 11 §1: "unreachable"), on a real HTTP
 * station the relay's probe asks; the output is a stand-in for mpv that plays the stream exactly while the
 * station answers.
 */
@DisplayName("Stream relay: a station unreachable at the window's start")
class StreamRelayTest {

    private static final RelaySettings FAST = new RelaySettings(Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(100), Duration.ofMillis(800), Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private HttpServer station;
    private volatile boolean onAir;
    private final List<Long> asked = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void station() throws IOException {
        station = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        station.createContext("/tinh.ogg", exchange -> {
            asked.add(System.currentTimeMillis());
            if (!onAir) {
                exchange.sendResponseHeaders(404, -1);   // Icecast with no source on the mount
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[4096]);
            } catch (IOException ignored) {
                // the probe reads one byte and leaves
            }
        });
        station.start();
        url = "http://127.0.0.1:" + station.getAddress().getPort() + "/tinh.ogg";
    }

    @AfterEach
    void stop() {
        station.stop(0);
    }

    @Test
    @DisplayName("the fallback loops at once, the station is retried with growing delays, the relay goes on the air"
            + " as soon as it answers; the record is PLAYED with one gap from the start saying why")
    void fallbackThenOnAir() throws Exception {
        Path filler = Files.writeString(dir.resolve("filler.ogg"), "filler");
        Output out = new Output();
        AgentClock clock = new AgentClock(dir);
        StreamRelay relay = new StreamRelay(out, clock, FAST);   // before the window: its HTTP client takes a while
        long start = clock.now();
        long end = start + 6_000;
        Thread back = new Thread(() -> {
            sleep(3_000);
            onAir = true;
        });
        back.start();

        RelayResult r = relay.relay(new StreamRelay.Job(url, null, "sha-filler",
                () -> filler, 80), watch(end));

        assertThat(out.looped).as("the fallback looped from the first failure").isNotEmpty();
        assertThat(out.looped.get(0) - start).isLessThan(1_500);
        List<Long> whileDown = asked.stream().filter(t -> t < out.onAirSince).toList();
        assertThat(whileDown).as("probes while the station was down").hasSizeBetween(3, 20);
        List<Long> waits = new ArrayList<>();
        for (int i = 1; i < whileDown.size(); i++) {
            waits.add(whileDown.get(i) - whileDown.get(i - 1));
        }
        assertThat(waits).as("backed off, never beyond its cap (%s)", waits).allSatisfy(w ->
                assertThat(w).isLessThanOrEqualTo(FAST.retryMax().toMillis() + 400));
        assertThat(waits.get(waits.size() - 1)).as("later retries wait longer than the first: %s", waits)
                .isGreaterThan(waits.get(0));
        assertThat(out.onAirSince).as("on the air soon after the station answers")
                .isBetween(start + 3_000, start + 3_000 + FAST.retryMax().toMillis() + 1_000);

        assertThat(r.outcome()).isEqualTo(PlayRecord.Outcome.PLAYED);
        assertThat(r.relay().gaps()).singleElement().satisfies(g -> {
            assertThat(g.from()).isEqualTo(r.start());
            assertThat(g.to()).isEqualTo(out.onAirSince);
            assertThat(g.reason()).contains("404");
            assertThat(g.fallback()).isEqualTo("sha-filler");
        });
        assertThat(r.relay().onAirMs()).isEqualTo(r.end() - out.onAirSince);
    }

    @Test
    @DisplayName("without a fallback it keeps silent; a station that never answers leaves a FAILED record saying why")
    void silenceThenFailed() throws Exception {
        Output out = new Output();
        AgentClock clock = new AgentClock(dir);
        StreamRelay relay = new StreamRelay(out, clock, FAST);
        long end = clock.now() + 3_000;

        RelayResult r = relay.relay(new StreamRelay.Job(url, null, null, () -> null, 80),
                watch(end));

        assertThat(out.looped).as("nothing looped: silence").isEmpty();
        assertThat(out.stops).as("the output stopped in the gap").isPositive();
        assertThat(asked).as("the station was retried").hasSizeGreaterThan(2);
        assertThat(r.outcome()).isEqualTo(PlayRecord.Outcome.FAILED);
        assertThat(r.start()).isNull();
        assertThat(r.reason()).contains("404");
    }

    private static RelayWatch watch(long end) {
        return new RelayWatch() {
            @Override
            public long endAt() {
                return end;
            }

            @Override
            public String cutReason() {
                return null;
            }
        };
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** mpv as the relay sees it: a stream opened while the station answers plays; otherwise it ends at once. */
    private final class Output implements StreamOutput {
        private final List<Long> looped = new CopyOnWriteArrayList<>();
        private volatile long onAirSince;
        private volatile int stops;
        private long next;
        private long streamHandle = -1;
        private Facts stream;

        @Override
        public synchronized long playStream(String streamUrl, int volume, Long epochMs) {
            long now = System.currentTimeMillis();
            streamHandle = ++next;
            if (onAir) {
                onAirSince = now;
                stream = new Facts(now, now, null, null, null, false);
            } else {
                stream = new Facts(null, null, now, "error", "HTTP error 404 Not Found", false);
            }
            return streamHandle;
        }

        @Override
        public synchronized long playLooped(Path file, int volume) {
            looped.add(System.currentTimeMillis());
            return ++next;
        }

        @Override
        public synchronized Facts facts(long handle) {
            if (handle != streamHandle) {
                return new Facts(looped.get(looped.size() - 1), System.currentTimeMillis(), null, null, null, false);
            }
            if (stream.startedAt() != null) {
                return new Facts(stream.startedAt(), System.currentTimeMillis(), null, null, null, false);
            }
            return stream;
        }

        @Override
        public void awaitChange(long handle, long ms) throws InterruptedException {
            Thread.sleep(ms);
        }

        @Override
        public synchronized void stop() {
            stops++;
        }
    }
}
