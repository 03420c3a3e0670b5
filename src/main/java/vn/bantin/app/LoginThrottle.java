package vn.bantin.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failed sign-ins (passwords, bearer tokens, setup tokens) per account and per address in a sliding
 * window. Past the limit, attempts are refused before any password is checked, until the oldest failure
 * leaves the window. Memory is bounded: past {@value #MAX_KEYS} keys the least recently failed are forgotten.
 */
public final class LoginThrottle {

    private static final int MAX_KEYS = 50_000;

    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** Throws {@link TooManyAttempts} when the address, or the account if given, is over its limit. */
    public synchronized void check(String address, String account) {
        long now = clock.millis();
        Duration wait = waitFor("addr:" + address, perAddress, now);
        if (account != null) {
            Duration forAccount = waitFor("user:" + account, perAccount, now);
            wait = forAccount.compareTo(wait) > 0 ? forAccount : wait;
        }
        if (!wait.isZero()) {
            throw new TooManyAttempts(wait);
        }
    }

    public synchronized void failed(String address, String account) {
        long now = clock.millis();
        record("addr:" + address, now);
        if (account != null) {
            record("user:" + account, now);
        }
    }

    /** A successful sign-in clears the account's failures (not the address's: one good password proves little). */
    public synchronized void succeeded(String account) {
        failures.remove("user:" + account);
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(times, now);
        times.addLast(now);
    }

    private Duration waitFor(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        prune(times, now);
        if (times.size() < limit) {
            return Duration.ZERO;
        }
        // the window frees up when enough of the oldest failures have aged out
        long freedAt = times.stream().skip(times.size() - limit).findFirst().orElse(now) + window.toMillis();
        return Duration.ofMillis(Math.max(1000, freedAt - now));
    }

    private void prune(Deque<Long> times, long now) {
        long oldest = now - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.removeFirst();
        }
    }
}
