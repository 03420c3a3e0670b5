package vn.bantin.app;

import vn.bantin.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * When the output of an asset's media jobs is first needed: 0 for an asset of a live alert (before anything
 * else), else the soonest one-off of a campaign playing it that has not ended, or — for a campaign that repeats
 * on a cron rule — the later of now and its first day. Assets nothing plays are absent.
 */
final class MediaNeeds {

    private static final String ALERT_ASSETS = "SELECT audio_asset_id, visual_asset_id FROM alert"
            + " WHERE status = 'ACTIVE' AND last_end_ms > ?";
    private static final String CAMPAIGN_TIMES = "SELECT ci.asset_id, c.start_date, s.cron, o.local_at"
            + " FROM campaign_item ci JOIN campaign c ON c.id = ci.campaign_id"
            + " JOIN campaign_slot s ON s.campaign_id = c.id LEFT JOIN slot_one_off o ON o.slot_id = s.id"
            + " WHERE c.end_date >= ?";

    private final Database db;
    private final Clock clock;
    private final ZoneId zone;

    MediaNeeds(Database db, Clock clock, ZoneId zone) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
    }

    Map<Long, Long> neededAt(Set<Long> assetIds) {
        long now = clock.millis();
        return db.read(c -> {
            Map<Long, Long> needs = new HashMap<>();
            alerts(c, now, assetIds, needs);
            campaigns(c, now, assetIds, needs);
            return needs;
        });
    }

    private static void alerts(Connection c, long now, Set<Long> assetIds, Map<Long, Long> needs)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ALERT_ASSETS)) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int col = 1; col <= 2; col++) {
                        long id = rs.getLong(col);
                        if (!rs.wasNull() && assetIds.contains(id)) {
                            needs.put(id, 0L);
                        }
                    }
                }
            }
        }
    }

    private void campaigns(Connection c, long now, Set<Long> assetIds, Map<Long, Long> needs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CAMPAIGN_TIMES)) {
            ps.setObject(1, LocalDate.now(clock.withZone(zone)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (!assetIds.contains(id)) {
                        continue;
                    }
                    Long at = rs.getString(4) != null ? oneOff(rs.getString(4), now)
                            : rs.getString(3) != null ? Math.max(now, startOf(rs.getObject(2, LocalDate.class)))
                            : null;
                    if (at != null) {
                        needs.merge(id, at, Math::min);
                    }
                }
            }
        }
    }

    /** A one-off's instant, or null once it is more than an hour gone (nothing to hurry for). */
    private Long oneOff(String localAt, long now) {
        try {
            long at = LocalDateTime.parse(localAt).atZone(zone).toInstant().toEpochMilli();
            return at < now - 3_600_000 ? null : at;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private long startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
