package vn.bantin.access;

/** A person who signs in; {@code areaId} null means every area. The password hash never leaves the store. */
public record User(long id, String username, String displayName, Role role, Long areaId, String areaName,
                   String language, boolean disabled) {

    public Actor asActor() {
        return new Actor(Actor.Via.SESSION, id, null, username, role, areaId, null);
    }
}
