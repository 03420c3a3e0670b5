package vn.bantin.app;

import vn.bantin.access.User;
import vn.bantin.config.AccessConfig;
import vn.bantin.security.PasswordHasher;
import vn.bantin.security.Secrets;
import vn.bantin.security.Sha256;
import vn.bantin.store.Database;
import vn.bantin.store.SessionRepository;
import vn.bantin.store.UserRepository;

import java.time.Clock;
import java.util.Optional;

/**
 * Browser sessions: sign-in by password (rate-limited per account and address), a random session id kept
 * only as its hash, a CSRF token per session, and expiry after idle time and after an absolute lifetime.
 */
public final class SessionService {

    /** A session just opened: the cookie value and the CSRF token go to the browser once. */
    public record Opened(User user, String sessionId, String csrfToken) {
    }

    /** A valid session, found from its cookie. */
    public record Live(User user, String idHash, String csrfToken) {
    }

    private static final long MAX_TOUCH_EVERY_MS = 60_000;

    private final Database db;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessConfig config;
    private final Clock clock;
    private final String dummyHash;
    private final SessionCache cache;

    public SessionService(Database db, UserRepository users, SessionRepository sessions, PasswordHasher hasher,
                          LoginThrottle throttle, AccessConfig config, Clock clock, SessionCache cache) {
        this.db = db;
        this.cache = cache;
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.config = config;
        this.clock = clock;
        this.dummyHash = hasher.hash(Secrets.newToken());
    }

    public Opened login(String rawUsername, String password, String address) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(java.util.Locale.ROOT);
        throttle.check(address, username);
        Optional<UserRepository.Credentials> found = db.read(c -> users.credentials(c, username));
        // an unknown name costs the same hashing as a known one, so timing does not tell which names exist
        boolean ok = hasher.verify(password == null ? "" : password,
                found.map(UserRepository.Credentials::passwordHash).orElse(dummyHash));
        if (!ok || found.get().user().disabled()) {
            throttle.failed(address, username);
            throw new ApiException(401, "bad_credentials", "Sai tên đăng nhập hoặc mật khẩu / Wrong username or"
                    + " password");
        }
        throttle.succeeded(username);
        User user = found.get().user();
        if (hasher.outdated(found.get().passwordHash())) {
            String rehashed = hasher.hash(password);
            db.tx(c -> {
                users.setPassword(c, user.id(), rehashed, clock.millis());
                return null;
            });
        }
        String sessionId = Secrets.newToken();
        String csrf = Secrets.newToken();
        long now = clock.millis();
        db.tx(c -> {
            sessions.deleteExpired(c, now - config.sessionIdle().toMillis(), now - config.sessionAbsolute().toMillis());
            sessions.insert(c, Sha256.hex(sessionId), user.id(), csrf, now, address);
            return null;
        });
        return new Opened(user, sessionId, csrf);
    }

    /**
     * The session for a cookie value if it was read from the database within the last touch interval and has not
     * expired since: no database, no blocking. Empty means "ask {@link #resolve}".
     */
    public Optional<Live> cached(String sessionId) {
        if (sessionId == null || sessionId.length() > 100) {
            return Optional.empty();
        }
        long now = clock.millis();
        return cache.get(Sha256.hex(sessionId))
                .filter(e -> now - e.cachedAt() < touchEveryMs() && !expired(now, e.createdAt(), e.lastSeenAt()))
                .map(SessionCache.Entry::live);
    }

    /** The live session for a cookie value; expired sessions and disabled users find nothing. */
    public Optional<Live> resolve(String sessionId) {
        Optional<Live> known = cached(sessionId);
        if (known.isPresent() || sessionId == null || sessionId.length() > 100) {
            return known;
        }
        String idHash = Sha256.hex(sessionId);
        long now = clock.millis();
        long generation = cache.generation();
        Optional<SessionRepository.Row> row = db.read(c -> sessions.byHash(c, idHash));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        SessionRepository.Row r = row.get();
        if (expired(now, r.createdAt(), r.lastSeenAt()) || r.user().disabled()) {
            db.tx(c -> {
                sessions.delete(c, idHash);
                return null;
            });
            return Optional.empty();
        }
        // writing last_seen_at on every request would cost a write per call; a tenth of the idle time is enough
        long lastSeen = r.lastSeenAt();
        if (now - r.lastSeenAt() >= touchEveryMs()) {
            db.tx(c -> {
                sessions.touch(c, idHash, now);
                return null;
            });
            lastSeen = now;
        }
        Live live = new Live(r.user(), idHash, r.csrfToken());
        cache.put(idHash, new SessionCache.Entry(live, r.createdAt(), lastSeen, now), generation);
        return Optional.of(live);
    }

    private long touchEveryMs() {
        return Math.min(MAX_TOUCH_EVERY_MS, config.sessionIdle().toMillis() / 10);
    }

    private boolean expired(long now, long createdAt, long lastSeenAt) {
        return now - lastSeenAt >= config.sessionIdle().toMillis()
                || now - createdAt >= config.sessionAbsolute().toMillis();
    }

    public void logout(String idHash) {
        db.tx(c -> {
            sessions.delete(c, idHash);
            return null;
        });
        cache.forgetAll();
    }

    /** Checks the current password (throttled like a sign-in), sets the new one, ends the user's other sessions. */
    public void changePassword(Live session, String current, String replacement, String address) {
        User user = session.user();
        throttle.check(address, user.username());
        String stored = db.read(c -> users.passwordHash(c, user.id())).orElseThrow();
        if (!hasher.verify(current == null ? "" : current, stored)) {
            throttle.failed(address, user.username());
            throw new ApiException(403, "bad_credentials", "Mật khẩu hiện tại không đúng / The current password is"
                    + " wrong");
        }
        PasswordPolicy.check(replacement, user.username());
        String hash = hasher.hash(replacement);
        db.tx(c -> {
            users.setPassword(c, user.id(), hash, clock.millis());
            sessions.deleteForUser(c, user.id(), session.idHash());
            return null;
        });
        cache.forgetAll();
    }
}
