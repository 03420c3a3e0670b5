package vn.bantin.app;

/** A refusal with an HTTP status, a stable machine code and a message staff can read. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not_found", "Không tìm thấy " + what + " " + id + " / " + what + " " + id
                + " not found");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
