package vn.bantin.evidence.report;

/**
 * What took the air from a planned broadcast or a stretch of a window on one endpoint: a live session (what was said)
 * or an EMERGENCY alert (its title), and when it held the air.
 *
 * @param id   the session's or the alert's id
 * @param toMs when it ended; null while a session is still on the air
 */
public record Preemption(By by, long id, String title, long fromMs, Long toMs) {

    /** What can take the air from a campaign's broadcast. */
    public enum By { LIVE_SESSION, ALERT }

    public boolean byAlert() {
        return by == By.ALERT;
    }
}
