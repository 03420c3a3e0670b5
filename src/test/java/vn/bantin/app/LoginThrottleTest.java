package vn.bantin.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private static final class Ticking extends Clock {
        long millis = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }

    private final Ticking clock = new Ticking();
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(15), 3, 5);

    @Test
    @DisplayName("an account is refused after its limit with the wait until its oldest failure leaves the window")
    void perAccount() {
        for (int i = 0; i < 3; i++) {
            throttle.check("10.0.0.1", "lan");
            throttle.failed("10.0.0.1", "lan");
            clock.millis += 60_000;
        }
        assertThatThrownBy(() -> throttle.check("10.0.0.2", "lan")).isInstanceOfSatisfying(TooManyAttempts.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(12)));
        assertThatCode(() -> throttle.check("10.0.0.2", "binh")).doesNotThrowAnyException();

        clock.millis += Duration.ofMinutes(12).toMillis();
        assertThatCode(() -> throttle.check("10.0.0.2", "lan")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an address is refused after its limit, whichever accounts it tried; success clears only the account")
    void perAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.9", "user" + i);
        }
        throttle.succeeded("user0");

        assertThatThrownBy(() -> throttle.check("10.0.0.9", "someone")).isInstanceOf(TooManyAttempts.class);
        assertThatThrownBy(() -> throttle.check("10.0.0.9", null)).isInstanceOf(TooManyAttempts.class);
        assertThatCode(() -> throttle.check("10.0.0.8", "someone")).doesNotThrowAnyException();
    }
}
