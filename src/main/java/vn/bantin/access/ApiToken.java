package vn.bantin.access;

/** A named integration token: the plain token is shown once at creation, only its hash is kept. */
public record ApiToken(long id, String name, Role role, Long areaId, String createdBy, long createdAt,
                       Long lastUsedAt, Long revokedAt) {

    public Actor asActor() {
        return new Actor(Actor.Via.API_TOKEN, null, id, "token:" + name, role, areaId, null);
    }
}
