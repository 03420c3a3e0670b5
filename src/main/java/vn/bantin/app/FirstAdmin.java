package vn.bantin.app;

import vn.bantin.access.Role;
import vn.bantin.access.User;
import vn.bantin.security.PasswordHasher;
import vn.bantin.security.SetupTokenFile;
import vn.bantin.store.Database;
import vn.bantin.store.UserRepository;

import java.time.Clock;

/**
 * The first administrator, made with the one-time setup token the controller writes to a private file
 * under data.dir/keys when it has no user yet (never a default password, never printed), or with the
 * {@code create-admin} command on the server. Either way the token file is removed when the admin is made.
 */
public final class FirstAdmin {

    private final Database db;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SetupTokenFile tokenFile;
    private final LoginThrottle throttle;
    private final Clock clock;

    public FirstAdmin(Database db, UserRepository users, PasswordHasher hasher, SetupTokenFile tokenFile,
                      LoginThrottle throttle, Clock clock) {
        this.db = db;
        this.users = users;
        this.hasher = hasher;
        this.tokenFile = tokenFile;
        this.throttle = throttle;
        this.clock = clock;
    }

    public boolean needed() {
        return db.read(users::count) == 0;
    }

    public User create(String setupToken, String rawUsername, String displayName, String password, String address) {
        throttle.check(address, null);
        if (!needed()) {
            throw new ApiException(409, "already_set_up", "Đã có quản trị viên / The first admin already exists");
        }
        if (setupToken == null || !tokenFile.matches(setupToken)) {
            throttle.failed(address, null);
            throw new ApiException(401, "bad_setup_token", "Mã cài đặt không đúng / Wrong setup token");
        }
        return make(rawUsername, displayName, password);
    }

    /**
     * The first admin made on the server itself ({@code create-admin}): whoever may run the controller's
     * command there may read the setup token too, so no token is asked for.
     */
    public User createLocally(String rawUsername, String displayName, String password) {
        return make(rawUsername, displayName, password);
    }

    private User make(String rawUsername, String displayName, String password) {
        String username = UserService.username(rawUsername);
        PasswordPolicy.check(password, username);
        String hash = hasher.hash(password);
        String name = displayName == null || displayName.isBlank() ? username : displayName.trim();
        User admin = db.tx(c -> {
            if (users.count(c) > 0) {
                throw new ApiException(409, "already_set_up", "Đã có quản trị viên / The first admin already exists");
            }
            long id = users.insert(c, username, name, hash, Role.ADMIN, null, "vi", clock.millis());
            return users.byId(c, id).orElseThrow();
        });
        tokenFile.delete();
        return admin;
    }
}
