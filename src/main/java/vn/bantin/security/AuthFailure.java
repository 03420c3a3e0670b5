package vn.bantin.security;

/** Why a signed agent request was refused: the {@code code} field of the contract's 401 answer. */
public enum AuthFailure {
    MISSING_HEADERS("missing_headers"),
    UNKNOWN_DEVICE("unknown_device"),
    NOT_APPROVED("not_approved"),
    REVOKED("revoked"),
    BAD_SIGNATURE("bad_signature"),
    CLOCK_SKEW("clock_skew"),
    REPLAY("replay");

    private final String code;

    AuthFailure(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
