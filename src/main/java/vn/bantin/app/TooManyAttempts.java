package vn.bantin.app;

import java.time.Duration;

/** Refused for now: too many failed sign-ins from this account or address; try again after {@code retryAfter}. */
public final class TooManyAttempts extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("Đăng nhập sai quá nhiều lần, thử lại sau " + retryAfter.toSeconds() + " giây / Too many failed"
                + " sign-ins, try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
