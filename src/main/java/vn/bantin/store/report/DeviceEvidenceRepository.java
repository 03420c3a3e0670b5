package vn.bantin.store.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import vn.bantin.evidence.report.DeviceEvidence;
import vn.bantin.store.Sql;

/** report_device: per device, the counts an evidence status needs, kept as records arrive. */
public final class DeviceEvidenceRepository {

    private static final String MERGE = "MERGE INTO report_device t USING (VALUES (CAST(? AS VARCHAR(32)),"
            + " CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)))"
            + " AS s (device_id, endpoint_id, records, highest_seq, broken_links, conflicts)"
            + " ON t.device_id = s.device_id"
            + " WHEN MATCHED THEN UPDATE SET endpoint_id = s.endpoint_id, records = t.records + s.records,"
            + " highest_seq = GREATEST(t.highest_seq, s.highest_seq), broken_links = t.broken_links + s.broken_links,"
            + " conflicts = t.conflicts + s.conflicts"
            + " WHEN NOT MATCHED THEN INSERT (device_id, endpoint_id, records, highest_seq, broken_links, conflicts)"
            + " VALUES (s.device_id, s.endpoint_id, s.records, s.highest_seq, s.broken_links, s.conflicts)";
    private static final String ALL = "SELECT endpoint_id, SUM(records), SUM(highest_seq), SUM(broken_links),"
            + " SUM(conflicts) FROM report_device GROUP BY endpoint_id";

    public void add(Connection c, String deviceId, long endpointId, long records, long highestSeq, long brokenLinks,
                    long conflicts) throws SQLException {
        Sql.update(c, MERGE, deviceId, endpointId, records, highestSeq, brokenLinks, conflicts);
    }

    /** By endpoint; an endpoint re-keyed to a new device adds up its devices' chains. */
    public Map<Long, DeviceEvidence> byEndpoint(Connection c) throws SQLException {
        Map<Long, DeviceEvidence> out = new HashMap<>();
        Sql.list(c, ALL, rs -> out.put(rs.getLong(1), new DeviceEvidence(rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5))));
        return out;
    }
}
