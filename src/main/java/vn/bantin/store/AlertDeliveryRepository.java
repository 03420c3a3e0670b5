package vn.bantin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** How far each alert got on each endpoint it targets (table alert_delivery). */
public final class AlertDeliveryRepository {

    /** One endpoint's progress with one alert; state SENT, DELIVERED or STARTED. */
    public record Row(long alertId, long endpointId, String endpointName, Long areaId, String state, Long deliveredAt,
                      Long startedAt) {
    }

    private static final String INSERT = "INSERT INTO alert_delivery (alert_id, endpoint_id, endpoint_name, area_id,"
            + " state) VALUES (?, ?, ?, ?, ?)";
    private static final String ADVANCE = "UPDATE alert_delivery SET state = ?, delivered_at = ?, started_at = ?"
            + " WHERE alert_id = ? AND endpoint_id = ?";
    private static final String OF_ALERT = "SELECT * FROM alert_delivery WHERE alert_id = ? ORDER BY endpoint_id";
    private static final String EXISTS = "SELECT COUNT(*) AS n FROM alert_delivery WHERE alert_id = ?";

    public void insert(Connection c, Row r) throws SQLException {
        Sql.update(c, INSERT, r.alertId(), r.endpointId(), r.endpointName(), r.areaId(), r.state());
    }

    public void advance(Connection c, Row r) throws SQLException {
        Sql.update(c, ADVANCE, r.state(), r.deliveredAt(), r.startedAt(), r.alertId(), r.endpointId());
    }

    public List<Row> ofAlert(Connection c, long alertId) throws SQLException {
        return Sql.list(c, OF_ALERT, AlertDeliveryRepository::row, alertId);
    }

    public boolean tracked(Connection c, long alertId) throws SQLException {
        return Sql.one(c, EXISTS, rs -> rs.getLong("n"), alertId).orElse(0L) > 0;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("alert_id"), rs.getLong("endpoint_id"), rs.getString("endpoint_name"),
                Sql.nullableLong(rs, "area_id"), rs.getString("state"), Sql.nullableLong(rs, "delivered_at"),
                Sql.nullableLong(rs, "started_at"));
    }
}
