package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.access.ApiToken;
import vn.bantin.access.Role;
import vn.bantin.security.Secrets;
import vn.bantin.security.Sha256;
import vn.bantin.store.ApiTokenRepository;
import vn.bantin.store.Database;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Named tokens for integrations, each with a role and an area like a person. The plain token ({@code bt_}
 * and 43 random characters) is shown once; a plain SHA-256 is enough to keep it since it has 256 random bits.
 * Tokens in use are remembered for a minute, so an integration's calls skip the lookup; revoking forgets them
 * at once.
 */
public final class ApiTokenService {

    public static final String PREFIX = "bt_";
    /** last_used_at is written at most this often; a token found active is trusted from memory as long. */
    private static final long MARK_USED_EVERY_MS = 60_000;
    private static final int CACHED_TOKENS = 10_000;

    /** A token found active, as the actor it makes, and when it was read. */
    private record Cached(Actor actor, long cachedAt) {
    }

    /** The token as stored, plus the plain value (shown once). */
    public record Created(ApiToken token, String plain) {
    }

    private final Database db;
    private final ApiTokenRepository tokens;
    private final AreaScope scope;
    private final Clock clock;
    private final GenerationCache<Cached> cache = new GenerationCache<>(CACHED_TOKENS);

    public ApiTokenService(Database db, ApiTokenRepository tokens, AreaScope scope, Clock clock) {
        this.db = db;
        this.tokens = tokens;
        this.scope = scope;
        this.clock = clock;
    }

    public Created create(Actor actor, String rawName, Role role, Long areaId) {
        String name = rawName == null ? "" : rawName.trim();
        if (name.isEmpty() || name.length() > 200) {
            throw ApiException.badRequest("bad_name", "Tên mã cần 1-200 ký tự / A token name needs 1-200 characters");
        }
        String plain = PREFIX + Secrets.newToken();
        ApiToken token = db.tx(c -> {
            scope.require(c, actor, areaId);
            long id = tokens.insert(c, name, Sha256.hex(plain), role, areaId, actor.name(), clock.millis());
            return tokens.byId(c, id).orElseThrow();
        });
        return new Created(token, plain);
    }

    public List<ApiToken> list(Actor actor) {
        return db.read(c -> {
            List<ApiToken> out = new ArrayList<>();
            Scope visible = scope.of(c, actor);
            for (ApiToken t : tokens.all(c)) {
                if (visible.contains(t.areaId())) {
                    out.add(t);
                }
            }
            return out;
        });
    }

    public ApiToken revoke(Actor actor, long id) {
        ApiToken revoked = db.tx(c -> {
            Optional<ApiToken> token = tokens.byId(c, id);
            if (token.isEmpty() || !scope.contains(c, actor, token.get().areaId())) {
                throw ApiException.notFound("mã truy cập/token", id);
            }
            tokens.revoke(c, id, clock.millis());
            return tokens.byId(c, id).orElseThrow();
        });
        cache.forgetAll();
        return revoked;
    }

    /**
     * The acting token for a presented bearer value if it was found active within the last minute and not
     * revoked since: no database, no blocking. Empty means "ask {@link #resolve}".
     */
    public Optional<Actor> cached(String presented) {
        if (!plausible(presented)) {
            return Optional.empty();
        }
        long now = clock.millis();
        return cache.get(Sha256.hex(presented)).filter(c -> now - c.cachedAt() < MARK_USED_EVERY_MS)
                .map(Cached::actor);
    }

    /** The acting token for a presented bearer value, if it is one of ours and not revoked. */
    public Optional<Actor> resolve(String presented) {
        Optional<Actor> known = cached(presented);
        if (known.isPresent() || !plausible(presented)) {
            return known;
        }
        String hash = Sha256.hex(presented);
        long generation = cache.generation();
        Optional<ApiToken> token = db.read(c -> tokens.activeByHash(c, hash));
        token.ifPresent(t -> {
            long now = clock.millis();
            if (t.lastUsedAt() == null || now - t.lastUsedAt() >= MARK_USED_EVERY_MS) {
                db.tx(c -> {
                    tokens.markUsed(c, t.id(), now);
                    return null;
                });
            }
            cache.put(hash, new Cached(t.asActor(), now), generation);
        });
        return token.map(ApiToken::asActor);
    }

    private static boolean plausible(String presented) {
        return presented != null && presented.startsWith(PREFIX) && presented.length() <= 100;
    }
}
