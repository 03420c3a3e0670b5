package vn.bantin.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds unauthenticated enrollment (issue: a flood must fill neither the database nor the heap): enroll calls
 * per address per minute, new requests per address per hour, and the number of requests waiting for approval.
 * Memory is bounded too: past {@value #MAX_ADDRESSES} addresses the least recently seen are forgotten.
 * The per-address windows live in memory on purpose: the bound that protects the database is the number of
 * waiting requests, which is counted in the database on every ask and so holds across a restart; a restart only
 * gives each address one fresh window (an outsider cannot restart the controller), and writing every refused
 * call to disk would turn the flood the limits stop into a flood of writes.
 */
public final class EnrollmentQueue {

    /** How many requests may wait, and how often one address may call and ask anew. */
    public record Limits(int maxPending, int callsPerMinute, int newPerHour) {
    }

    /** Refused for now; try again after {@code retryAfter} (429 for an address, 503 for a full queue). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;
        private final Duration retryAfter;

        Refused(int status, String code, Duration retryAfter, String message) {
            super(message);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private static final int MAX_ADDRESSES = 20_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration QUEUE_FULL_RETRY = Duration.ofMinutes(5);

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Deque<Long>> calls = bounded();
    private final Map<String, Deque<Long>> asks = bounded();

    public EnrollmentQueue(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Before any work on an enroll call from this address: counts it, or refuses it with 429. */
    public synchronized void call(String address) {
        take(calls, address, limits.callsPerMinute(), MINUTE, "Quá nhiều yêu cầu đăng ký từ địa chỉ này",
                "Too many enrollment calls from this address");
    }

    /** Before a new request joins the queue ({@code waiting} are already in it): 503 when full, 429 per address. */
    public synchronized void ask(String address, long waiting) {
        if (waiting >= limits.maxPending()) {
            throw new Refused(503, "enrollment_queue_full", QUEUE_FULL_RETRY, "Hàng chờ duyệt thiết bị đã đầy ("
                    + limits.maxPending() + "), hãy duyệt hoặc từ chối các yêu cầu đang chờ / The enrollment queue is"
                    + " full (" + limits.maxPending() + " waiting); approve or reject waiting requests");
        }
        take(asks, address, limits.newPerHour(), HOUR, "Quá nhiều yêu cầu đăng ký mới từ địa chỉ này",
                "Too many new enrollment requests from this address");
    }

    private void take(Map<String, Deque<Long>> counts, String address, int limit, Duration window, String vi,
                      String en) {
        long now = clock.millis();
        Deque<Long> times = counts.computeIfAbsent(address == null ? "?" : address, k -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.removeFirst();
        }
        if (times.size() >= limit) {
            long wait = Math.max(1_000, times.peekFirst() + window.toMillis() - now);
            long seconds = (wait + 999) / 1000;
            throw new Refused(429, "rate_limited", Duration.ofSeconds(seconds), vi + ", thử lại sau " + seconds
                    + " giây / " + en + ", try again in " + seconds + " s");
        }
        times.addLast(now);
    }

    private static Map<String, Deque<Long>> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                return size() > MAX_ADDRESSES;
            }
        };
    }
}
