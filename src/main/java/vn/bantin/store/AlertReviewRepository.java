package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The after-the-fact review of alerts fired without an approver: PENDING until an approver has looked. */
public final class AlertReviewRepository {

    public record Review(String status, String reviewedBy, Long reviewedAt, String note) {
    }

    private record Row(long id, Review review) {
    }

    public void flag(Connection c, long alertId) throws SQLException {
        Sql.update(c, "UPDATE alert SET review = 'PENDING' WHERE id = ?", alertId);
    }

    /** Marks a PENDING review done; false when the alert needs none or is already reviewed. */
    public boolean review(Connection c, long alertId, String by, long atMs, String note) throws SQLException {
        return Sql.update(c, "UPDATE alert SET review = 'REVIEWED', reviewed_by = ?, reviewed_at = ?, review_note = ?"
                + " WHERE id = ? AND review = 'PENDING'", by, atMs, note, alertId) == 1;
    }

    public Optional<Review> of(Connection c, long alertId) throws SQLException {
        return Sql.one(c, "SELECT * FROM alert WHERE id = ? AND review IS NOT NULL", rs -> map(rs).review(), alertId);
    }

    public Map<Long, Review> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM alert WHERE review IS NOT NULL", AlertReviewRepository::map).stream()
                .collect(Collectors.toMap(Row::id, Row::review));
    }

    private static Row map(java.sql.ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), new Review(rs.getString("review"), rs.getString("reviewed_by"),
                Sql.nullableLong(rs, "reviewed_at"), rs.getString("review_note")));
    }
}
