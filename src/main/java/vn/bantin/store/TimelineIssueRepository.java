package vn.bantin.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The last timeline serial issued to each endpoint and the hash of the content it was issued for. */
public final class TimelineIssueRepository {

    public record Issue(long serial, String contentSha256) {
    }

    private static final String FIND = "SELECT serial, content_sha256 FROM timeline_issue WHERE endpoint_id = ?";
    private static final String UPDATE = "UPDATE timeline_issue SET serial = ?, content_sha256 = ? WHERE endpoint_id = ?";
    private static final String INSERT = "INSERT INTO timeline_issue (endpoint_id, serial, content_sha256) VALUES (?, ?, ?)";

    public Optional<Issue> find(Connection c, long endpointId) throws SQLException {
        return Sql.one(c, FIND, rs -> new Issue(rs.getLong("serial"), rs.getString("content_sha256")), endpointId);
    }

    public void save(Connection c, long endpointId, Issue issue) throws SQLException {
        if (Sql.update(c, UPDATE, issue.serial(), issue.contentSha256(), endpointId) == 0) {
            Sql.update(c, INSERT, endpointId, issue.serial(), issue.contentSha256());
        }
    }
}
