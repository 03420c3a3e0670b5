package vn.bantin.app;

import vn.bantin.domain.QuietHours;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * An area's own settings as a person gives them, on create and on edit alike: a name, a time zone (none:
 * the parent's) and quiet hours (both ends as HH:mm, or neither).
 */
public record AreaDraft(String name, String zone, String quietFrom, String quietTo) {

    static final int MAX_NAME = 200;

    String cleanName() {
        String v = name == null ? "" : name.strip();
        if (v.isEmpty() || v.length() > MAX_NAME) {
            throw ApiException.badRequest("bad_name", "'name' cần 1-" + MAX_NAME + " ký tự / 'name' needs 1-"
                    + MAX_NAME + " characters");
        }
        return v;
    }

    ZoneId zoneId() {
        if (zone == null || zone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(zone.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_zone", "Múi giờ '" + zone + "' không hợp lệ / Unknown time zone '"
                    + zone + "' (e.g. Asia/Ho_Chi_Minh)");
        }
    }

    QuietHours quietHours() {
        return quietFrom == null && quietTo == null ? null : new QuietHours(time(quietFrom), time(quietTo));
    }

    private static LocalTime time(String raw) {
        if (raw == null) {
            throw ApiException.badRequest("bad_time", "Giờ im lặng cần cả 'from' và 'to' / Quiet hours need both"
                    + " 'from' and 'to'");
        }
        try {
            return LocalTime.parse(raw);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_time", "Giờ '" + raw + "' không hợp lệ, dùng HH:mm / Time '" + raw
                    + "' must be HH:mm");
        }
    }
}
