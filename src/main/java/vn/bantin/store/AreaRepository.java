package vn.bantin.store;

import vn.bantin.domain.Area;
import vn.bantin.domain.QuietHours;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

public final class AreaRepository {

    private static final String INSERT =
            "INSERT INTO area (parent_id, name, zone_id, quiet_from, quiet_to) VALUES (?, ?, ?, ?, ?)";
    private static final String ALL = "SELECT * FROM area ORDER BY id";
    private static final String BY_ID = "SELECT * FROM area WHERE id = ?";

    public long insert(Connection c, Long parentId, String name, ZoneId zone, QuietHours quiet) throws SQLException {
        return Sql.insert(c, INSERT, parentId, name, zone == null ? null : zone.getId(),
                quiet == null ? null : quiet.from().toString(), quiet == null ? null : quiet.to().toString());
    }

    public void update(Connection c, long id, String name, ZoneId zone, QuietHours quiet) throws SQLException {
        Sql.update(c, "UPDATE area SET name = ?, zone_id = ?, quiet_from = ?, quiet_to = ? WHERE id = ?", name,
                zone == null ? null : zone.getId(), quiet == null ? null : quiet.from().toString(),
                quiet == null ? null : quiet.to().toString(), id);
    }

    public List<Area> all(Connection c) throws SQLException {
        return Sql.list(c, ALL, AreaRepository::map);
    }

    public Optional<Area> byId(Connection c, long id) throws SQLException {
        return Sql.one(c, BY_ID, AreaRepository::map, id);
    }

    private static Area map(ResultSet rs) throws SQLException {
        String zone = rs.getString("zone_id");
        String qf = rs.getString("quiet_from");
        String qt = rs.getString("quiet_to");
        return new Area(rs.getLong("id"), Sql.nullableLong(rs, "parent_id"), rs.getString("name"),
                zone == null ? null : ZoneId.of(zone),
                qf == null ? null : new QuietHours(LocalTime.parse(qf), LocalTime.parse(qt)));
    }
}
