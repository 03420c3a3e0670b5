package vn.bantin.app;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Parses the YYYY-MM-DD dates staff type, refusing anything else in words. */
public final class LocalDates {

    private LocalDates() {
    }

    public static LocalDate parse(String field, String raw) {
        try {
            if (raw == null) {
                throw new DateTimeException("missing");
            }
            return LocalDate.parse(raw);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_date", "Ngày '" + raw + "' không hợp lệ, dùng YYYY-MM-DD / " + field
                    + " must be YYYY-MM-DD");
        }
    }
}
