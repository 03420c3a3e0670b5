package vn.bantin.access;

/**
 * Who is acting: a signed-in person, a named API token, or the configured admin token. The scope is the
 * subtree of {@code areaId}; null means every area.
 *
 * @param userId the person, null for tokens
 * @param tokenId the API token, null for people and the admin token
 * @param name what the audit trail and the UI show (username or token name)
 * @param address where the request came from (the client address), for the audit trail; null off the network
 */
public record Actor(Via via, Long userId, Long tokenId, String name, Role role, Long areaId, String address) {

    public enum Via { SESSION, API_TOKEN, ADMIN_TOKEN, ANONYMOUS }

    public static Actor adminToken() {
        return new Actor(Via.ADMIN_TOKEN, null, null, "admin-token", Role.ADMIN, null, null);
    }

    /** Nobody signed in yet (a sign-in attempt, first-admin setup): no role, no scope. */
    public static Actor anonymous(String address) {
        return new Actor(Via.ANONYMOUS, null, null, "anonymous", null, null, address);
    }

    public boolean can(Permission permission) {
        return role != null && permission.allows(role);
    }

    public boolean fullScope() {
        return via != Via.ANONYMOUS && areaId == null;
    }

    /** The same actor, acting from this address. */
    public Actor from(String clientAddress) {
        return new Actor(via, userId, tokenId, name, role, areaId, clientAddress);
    }

    /** A stable identity for "is this the same actor": the submitter may not approve their own item. */
    public String key() {
        return switch (via) {
            case SESSION -> "user:" + userId;
            case API_TOKEN -> "token:" + tokenId;
            case ADMIN_TOKEN -> "admin-token";
            case ANONYMOUS -> "anonymous";
        };
    }
}
