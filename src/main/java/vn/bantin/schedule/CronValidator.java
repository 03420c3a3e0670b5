package vn.bantin.schedule;

import java.util.Optional;

/** Tells staff, in Vietnamese then English, why a cron expression cannot be used. */
public final class CronValidator {

    private CronValidator() {
    }

    /** Empty when {@code expression} is a valid 5-field Unix cron expression, else a message for the user. */
    public static Optional<String> problem(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.of("Biểu thức cron không hợp lệ: biểu thức trống / Invalid cron expression: it is empty");
        }
        try {
            Crons.executionTime(expression);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of("Biểu thức cron không hợp lệ: '" + expression + "' — " + reason
                    + " / Invalid cron expression '" + expression + "': " + reason
                    + " (expected 5 fields: minute hour day-of-month month day-of-week, e.g. '0 6 * * *')");
        }
    }
}
