package vn.bantin.access;

import vn.bantin.app.ApiException;

import java.util.Locale;

/** What a person does in Bantin; each person holds one role over one area subtree. */
public enum Role {
    /** Province or commune IT: everything in the area, including people and tokens. */
    ADMIN,
    /** Culture-center staff: uploads content and builds campaigns. */
    EDITOR,
    /** Leaders: approve or reject content and campaigns. */
    APPROVER,
    /** Ward loudspeaker operator: endpoints, local bulletins, TTS and alerts in the own area. */
    OPERATOR,
    /** Reads plans, plays and reports. */
    VIEWER;

    public static Role parse(String raw) {
        try {
            return valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("bad_role", "Vai trò phải là ADMIN, EDITOR, APPROVER, OPERATOR hoặc VIEWER"
                    + " / role must be ADMIN, EDITOR, APPROVER, OPERATOR or VIEWER");
        }
    }
}
