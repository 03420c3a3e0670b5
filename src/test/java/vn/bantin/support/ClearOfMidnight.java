package vn.bantin.support;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * For test worlds that plan a bulletin seconds ahead and then read "today" in Vietnam: started in the last minutes
 * of a Vietnamese day (17:00 UTC), they wait for the new day instead, so the plan and the report fall on one date.
 */
public final class ClearOfMidnight {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private ClearOfMidnight() {
    }

    /** Returns at once unless Vietnamese midnight is less than {@code margin} away; then returns just after it. */
    public static void ensure(Duration margin) throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(VIETNAM);
        Duration left = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(VIETNAM));
        if (left.compareTo(margin) < 0) {
            System.out.printf("ClearOfMidnight: %d s to midnight in Vietnam; waiting for the new day%n",
                    left.toSeconds());
            Thread.sleep(left.plusSeconds(2).toMillis());
        }
    }
}
