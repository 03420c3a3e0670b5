package vn.bantin.store;

import vn.bantin.domain.AreaPolicy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

public final class AreaPolicyRepository {

    private record Row(long areaId, AreaPolicy policy) {
    }

    public Optional<AreaPolicy> own(Connection c, long areaId) throws SQLException {
        return Sql.one(c, "SELECT * FROM area_policy WHERE area_id = ?", rs -> map(rs).policy(), areaId);
    }

    /** Every area that sets its own policy. */
    public Map<Long, AreaPolicy> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM area_policy", AreaPolicyRepository::map).stream()
                .collect(Collectors.toMap(Row::areaId, Row::policy));
    }

    public void put(Connection c, long areaId, AreaPolicy p) throws SQLException {
        if (Sql.update(c, "UPDATE area_policy SET self_approval = ?, max_speaker_sessions_per_day = ?,"
                + " max_speaker_session_minutes = ? WHERE area_id = ?", p.selfApproval(), p.maxSpeakerSessionsPerDay(),
                p.maxSpeakerSessionMinutes(), areaId) == 0) {
            Sql.update(c, "INSERT INTO area_policy (area_id, self_approval, max_speaker_sessions_per_day,"
                    + " max_speaker_session_minutes) VALUES (?, ?, ?, ?)", areaId, p.selfApproval(),
                    p.maxSpeakerSessionsPerDay(), p.maxSpeakerSessionMinutes());
        }
    }

    private static Row map(java.sql.ResultSet rs) throws SQLException {
        Long sessions = Sql.nullableLong(rs, "max_speaker_sessions_per_day");
        Long minutes = Sql.nullableLong(rs, "max_speaker_session_minutes");
        return new Row(rs.getLong("area_id"), new AreaPolicy(rs.getBoolean("self_approval"),
                sessions == null ? null : sessions.intValue(), minutes == null ? null : minutes.intValue()));
    }
}
