package vn.bantin.app;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A reporting period as local dates [from, to] (inclusive). Named periods follow the calendar the
 * reports are filed against: this month, quarter, half-year (Jan–Jun / Jul–Dec) and year.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    private static final String[] ROMAN = {"I", "II", "III", "IV"};
    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public long fromMs() {
        return from.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    public long toMsExclusive() {
        return to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    /** What the period is by the calendar: day, month, quarter, half, year or custom. */
    public String kind() {
        if (from.equals(to)) {
            return "day";
        }
        boolean wholeMonths = from.getDayOfMonth() == 1 && to.plusDays(1).getDayOfMonth() == 1
                && from.getYear() == to.getYear();
        int months = wholeMonths ? to.getMonthValue() - from.getMonthValue() + 1 : 0;
        int startMonth = from.getMonthValue() - 1;
        if (months == 1) {
            return "month";
        }
        if (months == 3 && startMonth % 3 == 0) {
            return "quarter";
        }
        if (months == 6 && startMonth % 6 == 0) {
            return "half";
        }
        return months == 12 ? "year" : "custom";
    }

    /** The period as a report heading names it, e.g. "6 tháng đầu năm 2026". */
    public String name() {
        int year = from.getYear();
        return switch (kind()) {
            case "day" -> "Ngày " + DATE.format(from);
            case "month" -> "Tháng " + from.getMonthValue() + "/" + year;
            case "quarter" -> "Quý " + ROMAN[(from.getMonthValue() - 1) / 3] + "/" + year;
            case "half" -> "6 tháng " + (from.getMonthValue() == 1 ? "đầu" : "cuối") + " năm " + year;
            case "year" -> "Năm " + year;
            default -> "Từ ngày " + DATE.format(from) + " đến ngày " + DATE.format(to);
        };
    }

    /** {@code today} is the reference date: the named periods are the ones that contain it. */
    public static ReportPeriod parse(String period, String from, String to, ZoneId zone, LocalDate today) {
        String p = period == null ? (from != null ? "custom" : "month") : period.trim().toLowerCase();
        return switch (p) {
            case "today" -> new ReportPeriod(today, today, zone);
            case "month" -> new ReportPeriod(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()), zone);
            case "quarter" -> {
                LocalDate start = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
                yield new ReportPeriod(start, start.plusMonths(3).minusDays(1), zone);
            }
            case "half" -> {
                LocalDate start = today.withDayOfYear(1).withMonth(today.getMonthValue() <= 6 ? 1 : 7);
                yield new ReportPeriod(start, start.plusMonths(6).minusDays(1), zone);
            }
            case "year" -> new ReportPeriod(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()), zone);
            case "custom" -> custom(from, to, zone);
            default -> throw ApiException.badRequest("bad_period", "Kỳ báo cáo phải là today, month, quarter, half,"
                    + " year hoặc custom / period must be today, month, quarter, half, year or custom");
        };
    }

    private static ReportPeriod custom(String from, String to, ZoneId zone) {
        if (from == null || to == null) {
            throw ApiException.badRequest("bad_period", "Kỳ tùy chọn cần from và to (YYYY-MM-DD) / a custom period"
                    + " needs from and to (YYYY-MM-DD)");
        }
        try {
            LocalDate f = LocalDate.parse(from);
            LocalDate t = LocalDate.parse(to);
            if (t.isBefore(f)) {
                throw ApiException.badRequest("bad_period", "Ngày 'to' trước 'from' / 'to' is before 'from'");
            }
            return new ReportPeriod(f, t, zone);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_period", "Ngày phải có dạng YYYY-MM-DD / dates must be YYYY-MM-DD");
        }
    }
}
