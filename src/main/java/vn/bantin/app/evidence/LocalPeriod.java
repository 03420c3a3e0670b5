package vn.bantin.app.evidence;

import vn.bantin.app.ApiException;
import vn.bantin.app.LocalDates;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;

/** A period of whole local days, first to last inclusive, as [fromMs, toMs) in epoch milliseconds. */
record LocalPeriod(long fromMs, long toMs) {

    /**
     * @param from YYYY-MM-DD or null for {@code defaultFrom}
     * @param to   YYYY-MM-DD or null for {@code defaultTo} applied to the first day
     */
    static LocalPeriod parse(String from, String to, LocalDate defaultFrom, UnaryOperator<LocalDate> defaultTo,
                             ZoneId zone, int maxDays) {
        LocalDate first = from == null ? defaultFrom : LocalDates.parse("from", from);
        LocalDate last = to == null ? defaultTo.apply(first) : LocalDates.parse("to", to);
        if (last.isBefore(first) || last.isAfter(first.plusDays(maxDays))) {
            throw ApiException.badRequest("bad_period", "Khoảng ngày phải từ 'from' đến 'to', tối đa " + maxDays
                    + " ngày / 'to' must be on or after 'from', at most " + maxDays + " days");
        }
        return new LocalPeriod(first.atStartOfDay(zone).toInstant().toEpochMilli(),
                last.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());
    }
}
