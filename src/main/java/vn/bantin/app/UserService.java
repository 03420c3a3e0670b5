package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.access.Role;
import vn.bantin.access.User;
import vn.bantin.security.PasswordHasher;
import vn.bantin.security.Secrets;
import vn.bantin.store.Database;
import vn.bantin.store.SessionRepository;
import vn.bantin.store.UserRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** People: an ADMIN manages the people of their own subtree and never grants more scope than they hold. */
public final class UserService {

    /** What an admin asks for; a null password means "make one and show it once". */
    public record NewUser(String username, String displayName, String password, Role role, Long areaId,
                          String language) {
    }

    /** Changes to a person; null fields stay as they are. */
    public record UserChange(String displayName, Role role, Long areaId, boolean clearArea, String language,
                             Boolean disabled) {
    }

    /** The user, plus the password when the controller made it (shown once). */
    public record Created(User user, String generatedPassword) {
    }

    private final Database db;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final AreaScope scope;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SessionCache sessionCache;

    public UserService(Database db, UserRepository users, SessionRepository sessions, AreaScope scope,
                       PasswordHasher hasher, Clock clock, SessionCache sessionCache) {
        this.sessionCache = sessionCache;
        this.db = db;
        this.users = users;
        this.sessions = sessions;
        this.scope = scope;
        this.hasher = hasher;
        this.clock = clock;
    }

    public List<User> list(Actor actor) {
        return db.read(c -> {
            List<User> out = new ArrayList<>();
            Scope visible = scope.of(c, actor);
            for (User u : users.all(c)) {
                if (visible.contains(u.areaId())) {
                    out.add(u);
                }
            }
            return out;
        });
    }

    public User get(Actor actor, long id) {
        return db.read(c -> visible(c, actor, id));
    }

    public Created create(Actor actor, NewUser req) {
        String username = username(req.username());
        String displayName = displayName(req.displayName(), username);
        String password = req.password() == null ? Secrets.newPassword() : req.password();
        PasswordPolicy.check(password, username);
        String language = language(req.language());
        String hash = hasher.hash(password);
        User user = db.tx(c -> {
            scope.require(c, actor, req.areaId());
            if (users.byUsername(c, username).isPresent()) {
                throw new ApiException(409, "username_taken", "Tên đăng nhập '" + username + "' đã có / Username '"
                        + username + "' is taken");
            }
            long id = users.insert(c, username, displayName, hash, req.role(), req.areaId(), language, clock.millis());
            return users.byId(c, id).orElseThrow();
        });
        return new Created(user, req.password() == null ? password : null);
    }

    /** An admin changes a person's name, role, area, language or disabled flag, but never their own access. */
    public User update(Actor actor, long id, UserChange change) {
        User after = db.tx(c -> {
            User before = visible(c, actor, id);
            Long areaId = change.clearArea() ? null : change.areaId() == null ? before.areaId() : change.areaId();
            Role role = change.role() == null ? before.role() : change.role();
            boolean disabled = change.disabled() == null ? before.disabled() : change.disabled();
            boolean accessChanged = role != before.role() || !Objects.equals(areaId, before.areaId())
                    || disabled != before.disabled();
            if (accessChanged && before.id() == (actor.userId() == null ? -1 : actor.userId())) {
                throw new ApiException(409, "own_access", "Không thể tự đổi vai trò, khu vực hay khóa chính mình /"
                        + " You cannot change your own role, area or disabled flag");
            }
            scope.require(c, actor, areaId);
            if (isActiveFullScopeAdmin(before) && !(role == Role.ADMIN && areaId == null && !disabled)) {
                requireAnotherFullScopeAdmin(c);
            }
            users.update(c, id, change.displayName() == null ? before.displayName()
                            : displayName(change.displayName(), before.username()), role, areaId,
                    change.language() == null ? before.language() : language(change.language()), disabled);
            if (accessChanged) {
                sessions.deleteForUser(c, id, null);
            }
            return users.byId(c, id).orElseThrow();
        });
        sessionCache.forgetAll();
        return after;
    }

    /**
     * Removes a person for good and ends their sessions; what they did keeps their name (approval history, audit
     * trail). Never oneself, never the last enabled ADMIN over every area.
     */
    public void delete(Actor actor, long id) {
        db.tx(c -> {
            User user = visible(c, actor, id);
            if (actor.userId() != null && actor.userId() == id) {
                throw new ApiException(409, "own_account", "Không thể tự xóa tài khoản của mình / You cannot delete"
                        + " your own account");
            }
            if (isActiveFullScopeAdmin(user)) {
                requireAnotherFullScopeAdmin(c);
            }
            sessions.deleteForUser(c, id, null);
            users.delete(c, id);
            return null;
        });
        sessionCache.forgetAll();
    }

    /** A new password made by the controller, shown once; the person's sessions end. */
    public String resetPassword(Actor actor, long id) {
        String password = Secrets.newPassword();
        String hash = hasher.hash(password);
        db.tx(c -> {
            visible(c, actor, id);
            users.setPassword(c, id, hash, clock.millis());
            sessions.deleteForUser(c, id, null);
            return null;
        });
        sessionCache.forgetAll();
        return password;
    }

    private static boolean isActiveFullScopeAdmin(User user) {
        return user.role() == Role.ADMIN && user.areaId() == null && !user.disabled();
    }

    /** Deleting, disabling, demoting or narrowing the last enabled ADMIN over every area would lock everyone out. */
    private void requireAnotherFullScopeAdmin(Connection c) throws SQLException {
        if (users.fullScopeAdmins(c) <= 1) {
            throw new ApiException(409, "last_admin", "Đây là quản trị viên toàn tỉnh cuối cùng: không thể xóa, khóa,"
                    + " hạ vai trò hay thu hẹp khu vực / This is the last enabled administrator over every area: it"
                    + " cannot be deleted, disabled, given another role or a smaller area");
        }
    }

    private User visible(Connection c, Actor actor, long id) throws SQLException {
        Optional<User> user = users.byId(c, id);
        if (user.isEmpty() || !scope.contains(c, actor, user.get().areaId())) {
            throw ApiException.notFound("người dùng/user", id);
        }
        return user.get();
    }

    static String username(String raw) {
        String u = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!u.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw ApiException.badRequest("bad_username", "Tên đăng nhập cần 3-64 ký tự a-z, 0-9, '.', '_', '-' /"
                    + " A username needs 3-64 characters a-z, 0-9, '.', '_', '-'");
        }
        return u;
    }

    private static String displayName(String raw, String username) {
        String name = raw == null || raw.isBlank() ? username : raw.trim();
        if (name.length() > 200) {
            throw ApiException.badRequest("too_long", "Tên hiển thị tối đa 200 ký tự / displayName is limited to"
                    + " 200 characters");
        }
        return name;
    }

    private static String language(String raw) {
        String lang = raw == null || raw.isBlank() ? "vi" : raw.trim().toLowerCase(Locale.ROOT);
        if (!lang.equals("vi") && !lang.equals("en")) {
            throw ApiException.badRequest("bad_language", "Ngôn ngữ phải là 'vi' hoặc 'en' / language must be 'vi'"
                    + " or 'en'");
        }
        return lang;
    }
}
