package vn.bantin.app;

import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Slot;
import vn.bantin.store.AreaRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses, at save, a campaign that could only air in the past: an end date already gone, or a one-off time
 * already past (local time of the owner area). A one-off the campaign already held before an edit is left
 * alone: it aired, or was missed, and the evidence says which.
 */
final class CampaignTimeGuard {

    /** A time in the minute now passing is still "now": staff pick it to air at once. */
    private static final Duration GRACE = Duration.ofMinutes(1);
    private static final ZoneId FALLBACK_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AreaRepository areas;
    private final Clock clock;

    CampaignTimeGuard(AreaRepository areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    /** before: the campaign as stored until this edit, or null for a new one. */
    void check(Connection c, Campaign campaign, Campaign before) throws SQLException {
        LocalDateTime now = LocalDateTime.now(clock.withZone(zoneOf(c, campaign.targets().withinAreaId())));
        LocalDate today = now.toLocalDate();
        if (campaign.endDate().isBefore(today)) {
            throw ApiException.badRequest("ended", String.format("Ngày kết thúc %s đã qua (hôm nay là %s)"
                    + " / The end date %s has already passed (today is %s)", DAY.format(campaign.endDate()),
                    DAY.format(today), DAY.format(campaign.endDate()), DAY.format(today)));
        }
        Set<LocalDateTime> held = new HashSet<>();
        if (before != null) {
            before.slots().forEach(s -> held.addAll(s.oneOffs()));
        }
        LocalDateTime earliest = now.minus(GRACE);
        List<Slot> slots = campaign.slots();
        for (int i = 0; i < slots.size(); i++) {
            for (LocalDateTime at : slots.get(i).oneOffs()) {
                if (at.isBefore(earliest) && !held.contains(at)) {
                    throw ApiException.badRequest("past_time", String.format("Khung giờ %d: thời điểm %s đã qua"
                            + " (bây giờ là %s) / Slot %d: the time %s is in the past (it is now %s)", i + 1,
                            MINUTE.format(at), MINUTE.format(now), i + 1, MINUTE.format(at), MINUTE.format(now)));
                }
            }
        }
    }

    /** The owner area's zone, inherited from the nearest ancestor that has one. */
    private ZoneId zoneOf(Connection c, Long areaId) throws SQLException {
        Long id = areaId;
        for (int depth = 0; id != null && depth < 32; depth++) {
            Optional<Area> area = areas.byId(c, id);
            if (area.isEmpty()) {
                break;
            }
            if (area.get().zone() != null) {
                return area.get().zone();
            }
            id = area.get().parentId();
        }
        return FALLBACK_ZONE;
    }
}
