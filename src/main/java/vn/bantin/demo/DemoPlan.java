package vn.bantin.demo;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When the demo's loudspeaker airs what the seeder makes, chosen from the seeding time so that nothing overlaps:
 * the bulletins every 5 minutes, a first bulletin within the first minute, a first relay of the stand-in station
 * soon after it, and an hourly relay in a 5-minute gap half an hour away. A bulletin (PRIORITY) inside a relay
 * window (NORMAL) would cut the relay in two records, so the 5-minute marks are placed around the first minutes
 * instead of at :00, :05, … — every relay window sits whole between two bulletins.
 *
 * @param bulletinCron  the bulletins' 5-minute marks, e.g. {@code 2-59/5 * * * *}
 * @param firstBulletin the one-off bulletin a newcomer hears first, 35–50 s after seeding
 * @param firstRelay    the one-off relay window's start, 35 s after the first bulletin
 * @param relayCron     the hourly relay window's start, 1 minute after a mark half an hour from the first one
 */
record DemoPlan(String bulletinCron, LocalDateTime firstBulletin, LocalDateTime firstRelay, String relayCron) {

    /** Upper bound of the bulletin campaign's length (its two demo files are 8.7 s and 8.9 s). */
    static final int BULLETIN_SECONDS = 20;
    static final int RELAY_MINUTES = 3;
    private static final int MARK_SECONDS = 300;
    /** Silence kept between what the loudspeaker airs. */
    private static final int MARGIN_SECONDS = 5;
    private static final int EARLIEST_BULLETIN = 35;
    private static final int LATEST_BULLETIN = 50;
    private static final int BULLETIN_TO_RELAY = BULLETIN_SECONDS + 15;

    /**
     * The first bulletin comes at least {@value #BULLETIN_SECONDS} + margin after a mark m and the first relay ends
     * a margin before m + 5 min: m is the last whole minute at most 25 s after {@code now}, which puts the first
     * bulletin 35–50 s after {@code now} and the first relay 70–85 s after it (the loudspeaker's agent, started
     * after seeding, has its timeline by then).
     */
    static DemoPlan at(LocalDateTime now) {
        LocalDateTime base = now.truncatedTo(ChronoUnit.SECONDS);
        int afterMark = BULLETIN_SECONDS + MARGIN_SECONDS;
        LocalDateTime mark = base.plusSeconds(LATEST_BULLETIN - afterMark).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime bulletin = later(base.plusSeconds(EARLIEST_BULLETIN), mark.plusSeconds(afterMark));
        LocalDateTime relay = bulletin.plusSeconds(BULLETIN_TO_RELAY);
        if (relay.plusMinutes(RELAY_MINUTES).plusSeconds(MARGIN_SECONDS).isAfter(mark.plusSeconds(MARK_SECONDS))) {
            throw new IllegalStateException("the first relay would run into the bulletin at " + mark.plusMinutes(5));
        }
        int phase = mark.getMinute() % 5;
        int hourly = (mark.getMinute() + 31) % 60;
        return new DemoPlan(phase + "-59/5 * * * *", bulletin, relay, hourly + " * * * *");
    }

    /** The hourly relay's minute, as {@code :MM}. */
    String relayMinute() {
        return String.format(":%02d", Integer.parseInt(relayCron.substring(0, relayCron.indexOf(' '))));
    }

    /** The bulletins' first mark in the hour, as {@code :MM}. */
    String bulletinMinute() {
        return String.format(":%02d", Integer.parseInt(bulletinCron.substring(0, bulletinCron.indexOf('-'))));
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
