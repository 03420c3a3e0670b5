package vn.bantin.ui;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A client of GET /api/v1/events, as a browser's EventSource reads it: id, event and data lines per event. */
final class EventStream implements AutoCloseable {

    record Event(long id, String type, JsonObject data) {
    }

    /** Reads each stream on a thread of its own, never the test's: the stream does not end by itself. */
    private static final Executor READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "event-stream-reader");
        t.setDaemon(true);
        return t;
    });

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    EventStream(String baseUrl, String token, Long lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", String.valueOf(lastEventId));
        }
        response = HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> {
            long id = 0;
            String type = null;
            for (String line : (Iterable<String>) r.body()::iterator) {
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(new Event(id, type, new JsonObject(line.substring(6))));
                }
            }
        }, READERS);
    }

    int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** The next event of this type matching the test (earlier ones of other kinds are kept for later calls). */
    Event next(String type, Predicate<JsonObject> test, Duration within) throws InterruptedException {
        for (Event e : seen) {
            if (e.type().equals(type) && test.test(e.data())) {
                seen.remove(e);
                return e;
            }
        }
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (e == null) {
                break;
            }
            if (e.type().equals(type) && test.test(e.data())) {
                return e;
            }
            seen.add(e);
        }
        throw new AssertionError("no " + type + " event within " + within + "; saw " + seen);
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAcceptAsync(r -> r.body().close(), READERS);
    }
}
