package vn.bantin.agent.relay;

import java.time.Duration;

/**
 * How a relay judges and retries a stream: no audio progress for {@code stall} means stalled; a stream that
 * does not start within {@code connect} failed this attempt; retries back off from {@code retryMin} to
 * {@code retryMax} with jitter; {@code probe} bounds the cheap check made before switching back from the fallback.
 */
public record RelaySettings(Duration stall, Duration connect, Duration retryMin, Duration retryMax, Duration probe) {

    public static RelaySettings defaults() {
        // retries stay within 2 s: a station back on the air is heard again within about that
        return new RelaySettings(Duration.ofMillis(2_500), Duration.ofSeconds(8), Duration.ofMillis(250),
                Duration.ofSeconds(2), Duration.ofSeconds(3));
    }
}
