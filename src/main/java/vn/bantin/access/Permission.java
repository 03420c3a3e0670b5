package vn.bantin.access;

import java.util.EnumSet;
import java.util.Set;

import static vn.bantin.access.Role.ADMIN;
import static vn.bantin.access.Role.APPROVER;
import static vn.bantin.access.Role.EDITOR;
import static vn.bantin.access.Role.OPERATOR;
import static vn.bantin.access.Role.VIEWER;

/** What an operation needs: every management route declares exactly one. */
public enum Permission {
    /** No credentials needed (health, the API document, sign-in, first-admin setup). */
    PUBLIC(EnumSet.allOf(Role.class)),
    /** Any signed-in person or token (own session, own password). */
    SIGNED_IN(EnumSet.allOf(Role.class)),
    READ(EnumSet.allOf(Role.class)),
    AREA_WRITE(EnumSet.of(ADMIN)),
    ENDPOINT_WRITE(EnumSet.of(ADMIN, OPERATOR)),
    CONTENT_WRITE(EnumSet.of(ADMIN, EDITOR, OPERATOR)),
    CONTENT_APPROVE(EnumSet.of(ADMIN, APPROVER)),
    ALERT_FIRE(EnumSet.of(ADMIN, APPROVER, OPERATOR)),
    /** Speaking live to loudspeakers (issue 11): operators and up, like firing an alert. */
    LIVE_SPEAK(EnumSet.of(ADMIN, APPROVER, OPERATOR)),
    PEOPLE_MANAGE(EnumSet.of(ADMIN)),
    AUDIT_READ(EnumSet.of(ADMIN));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public boolean needsCredentials() {
        return this != PUBLIC;
    }
}
