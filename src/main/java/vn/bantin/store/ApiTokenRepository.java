package vn.bantin.store;

import vn.bantin.access.ApiToken;
import vn.bantin.access.Role;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class ApiTokenRepository {

    public long insert(Connection c, String name, String tokenHash, Role role, Long areaId, String createdBy,
                       long now) throws SQLException {
        return Sql.insert(c, "INSERT INTO api_token (name, token_hash, role, area_id, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", name, tokenHash, role.name(), areaId, createdBy, now);
    }

    public List<ApiToken> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT * FROM api_token ORDER BY id", ApiTokenRepository::map);
    }

    public Optional<ApiToken> byId(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT * FROM api_token WHERE id = ?", ApiTokenRepository::map, id);
    }

    /** Only a token that is not revoked. */
    public Optional<ApiToken> activeByHash(Connection c, String tokenHash) throws SQLException {
        return Sql.one(c, "SELECT * FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                ApiTokenRepository::map, tokenHash);
    }

    public void markUsed(Connection c, long id, long now) throws SQLException {
        Sql.update(c, "UPDATE api_token SET last_used_at = ? WHERE id = ?", now, id);
    }

    public void revoke(Connection c, long id, long now) throws SQLException {
        Sql.update(c, "UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
    }

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                Sql.nullableLong(rs, "area_id"), rs.getString("created_by"), rs.getLong("created_at"),
                Sql.nullableLong(rs, "last_used_at"), Sql.nullableLong(rs, "revoked_at"));
    }
}
