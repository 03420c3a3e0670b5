package vn.bantin.domain;

import java.time.LocalTime;

/** A daily window (may cross midnight, e.g. 21:30–05:30) with no NORMAL/PRIORITY audio on speakers. */
public record QuietHours(LocalTime from, LocalTime to) {

    public boolean contains(LocalTime t) {
        if (from.equals(to)) {
            return false;
        }
        return from.isBefore(to)
                ? !t.isBefore(from) && t.isBefore(to)
                : !t.isBefore(from) || t.isBefore(to);
    }
}
