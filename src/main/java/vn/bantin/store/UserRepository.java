package vn.bantin.store;

import vn.bantin.access.Role;
import vn.bantin.access.User;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

public final class UserRepository {

    /** A user with the stored password hash, for sign-in only. */
    public record Credentials(User user, String passwordHash) {
    }

    private static final String SELECT = "SELECT u.*, a.name AS area_name FROM app_user u"
            + " LEFT JOIN area a ON a.id = u.area_id";

    public long insert(Connection c, String username, String displayName, String passwordHash, Role role,
                       Long areaId, String language, long now) throws SQLException {
        return Sql.insert(c, "INSERT INTO app_user (username, display_name, password_hash, role, area_id, language,"
                        + " disabled, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?, ?)",
                username, displayName, passwordHash, role.name(), areaId, language, now, now);
    }

    public long count(Connection c) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*) FROM app_user", rs -> rs.getLong(1)).orElse(0L);
    }

    public List<User> all(Connection c) throws SQLException {
        return Sql.list(c, SELECT + " ORDER BY u.id", UserRepository::map);
    }

    public Optional<User> byId(Connection c, long id) throws SQLException {
        return Sql.one(c, SELECT + " WHERE u.id = ?", UserRepository::map, id);
    }

    public Optional<User> byUsername(Connection c, String username) throws SQLException {
        return Sql.one(c, SELECT + " WHERE u.username = ?", UserRepository::map, username);
    }

    public Optional<Credentials> credentials(Connection c, String username) throws SQLException {
        return Sql.one(c, SELECT + " WHERE u.username = ?",
                rs -> new Credentials(map(rs), rs.getString("password_hash")), username);
    }

    public Optional<String> passwordHash(Connection c, long id) throws SQLException {
        return Sql.one(c, "SELECT password_hash FROM app_user WHERE id = ?", rs -> rs.getString(1), id);
    }

    public void setPassword(Connection c, long id, String passwordHash, long now) throws SQLException {
        Sql.update(c, "UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?",
                passwordHash, now, id);
    }

    public void update(Connection c, long id, String displayName, Role role, Long areaId, String language,
                       boolean disabled) throws SQLException {
        Sql.update(c, "UPDATE app_user SET display_name = ?, role = ?, area_id = ?, language = ?, disabled = ?"
                + " WHERE id = ?", displayName, role.name(), areaId, language, disabled, id);
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), Sql.nullableLong(rs, "area_id"), rs.getString("area_name"),
                rs.getString("language"), rs.getBoolean("disabled"));
    }

    /** Enabled ADMINs over every area: the people who can manage everyone. */
    public long fullScopeAdmins(Connection c) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND area_id IS NULL AND disabled = FALSE",
                rs -> rs.getLong(1)).orElse(0L);
    }

    public void delete(Connection c, long id) throws SQLException {
        Sql.update(c, "DELETE FROM app_user WHERE id = ?", id);
    }
}
