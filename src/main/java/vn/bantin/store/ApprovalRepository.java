package vn.bantin.store;

import vn.bantin.domain.ApprovalStatus;
import vn.bantin.domain.ApprovalStep;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Approval state of assets and campaigns and their step history; the approved flag follows the state. */
public final class ApprovalRepository {

    /** What can be approved, with its table. */
    public enum Kind {
        ASSET("asset"), CAMPAIGN("campaign");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    public Optional<ApprovalStatus> status(Connection c, Kind kind, long id) throws SQLException {
        return Sql.one(c, "SELECT approval FROM " + kind.table + " WHERE id = ?",
                rs -> ApprovalStatus.valueOf(rs.getString(1)), id);
    }

    /** An item that exists, with its owner area (null: every area). */
    public record Owned(Long areaId) {
    }

    public Optional<Owned> owner(Connection c, Kind kind, long id) throws SQLException {
        return Sql.one(c, "SELECT area_id FROM " + kind.table + " WHERE id = ?",
                rs -> new Owned(Sql.nullableLong(rs, "area_id")), id);
    }

    public void setStatus(Connection c, Kind kind, long id, ApprovalStatus status) throws SQLException {
        Sql.update(c, "UPDATE " + kind.table + " SET approval = ?, approved = ? WHERE id = ?", status.name(),
                status == ApprovalStatus.APPROVED, id);
    }

    public void addStep(Connection c, Kind kind, long id, ApprovalStep step) throws SQLException {
        Sql.update(c, "INSERT INTO approval_step (object_type, object_id, step, status_after, actor_key, actor_name,"
                        + " at_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", kind.name(), id, step.step(),
                step.statusAfter().name(), step.actorKey(), step.actorName(), step.atMs(), step.reason());
    }

    public List<ApprovalStep> history(Connection c, Kind kind, long id) throws SQLException {
        return Sql.list(c, "SELECT s.*, COALESCE(u.display_name, s.actor_name) AS actor_display_name"
                        + " FROM approval_step s LEFT JOIN app_user u ON u.username = s.actor_name"
                        + " WHERE s.object_type = ? AND s.object_id = ? ORDER BY s.id",
                rs -> new ApprovalStep(rs.getString("step"), ApprovalStatus.valueOf(rs.getString("status_after")),
                        rs.getString("actor_key"), rs.getString("actor_name"), rs.getLong("at_ms"),
                        rs.getString("reason"), rs.getString("actor_display_name")), kind.name(), id);
    }
}
