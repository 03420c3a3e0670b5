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
 */
public final class ApiTokenService {

    public static final String PREFIX = "bt_";
    private static final long MARK_USED_EVERY_MS = 60_000;

    /** The token as stored, plus the plain value (shown once). */
    public record Created(ApiToken token, String plain) {
    }

    private final Database db;
    private final ApiTokenRepository tokens;
    private final AreaScope scope;
    private final Clock clock;

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
        return db.tx(c -> {
            Optional<ApiToken> token = tokens.byId(c, id);
            if (token.isEmpty() || !scope.contains(c, actor, token.get().areaId())) {
                throw ApiException.notFound("mã truy cập/token", id);
            }
            tokens.revoke(c, id, clock.millis());
            return tokens.byId(c, id).orElseThrow();
        });
    }

    /** The acting token for a presented bearer value, if it is one of ours and not revoked. */
    public Optional<Actor> resolve(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> token = db.read(c -> tokens.activeByHash(c, Sha256.hex(presented)));
        token.ifPresent(t -> {
            long now = clock.millis();
            if (t.lastUsedAt() == null || now - t.lastUsedAt() >= MARK_USED_EVERY_MS) {
                db.tx(c -> {
                    tokens.markUsed(c, t.id(), now);
                    return null;
                });
            }
        });
        return token.map(ApiToken::asActor);
    }
}
