package vn.bantin.http.api;

import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.ApiToken;
import vn.bantin.access.User;

/** People and tokens as the API shows them (never a hash). */
final class PeopleJson {

    private PeopleJson() {
    }

    static JsonObject user(User u) {
        return new JsonObject().put("id", u.id()).put("username", u.username()).put("displayName", u.displayName())
                .put("role", u.role().name()).put("areaId", u.areaId()).put("areaName", u.areaName())
                .put("language", u.language()).put("disabled", u.disabled());
    }

    /** A token caller seen as a user, for GET /session with a bearer token. */
    static JsonObject actor(Actor a) {
        return new JsonObject().put("id", a.userId()).put("username", a.name()).put("displayName", a.name())
                .put("role", a.role().name()).put("areaId", a.areaId()).putNull("areaName").put("language", "vi");
    }

    static JsonObject token(ApiToken t) {
        return new JsonObject().put("id", t.id()).put("name", t.name()).put("role", t.role().name())
                .put("areaId", t.areaId()).put("createdBy", t.createdBy()).put("createdAt", t.createdAt())
                .put("lastUsedAt", t.lastUsedAt()).put("revokedAt", t.revokedAt());
    }
}
