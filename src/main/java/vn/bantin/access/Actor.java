package vn.bantin.access;

/**
 * Who is acting: a signed-in person, a named API token, or the configured admin token. The scope is the
 * subtree of {@code areaId}; null means every area.
 *
 * @param userId the person, null for tokens
 * @param tokenId the API token, null for people and the admin token
 * @param name what the audit trail and the UI show (username or token name)
 */
public record Actor(Via via, Long userId, Long tokenId, String name, Role role, Long areaId) {

    public enum Via { SESSION, API_TOKEN, ADMIN_TOKEN }

    public static Actor adminToken() {
        return new Actor(Via.ADMIN_TOKEN, null, null, "admin-token", Role.ADMIN, null);
    }

    public boolean can(Permission permission) {
        return permission.allows(role);
    }

    /** A stable identity for "is this the same actor": the submitter may not approve their own item. */
    public String key() {
        return switch (via) {
            case SESSION -> "user:" + userId;
            case API_TOKEN -> "token:" + tokenId;
            case ADMIN_TOKEN -> "admin-token";
        };
    }

    public boolean fullScope() {
        return areaId == null;
    }
}
