package vn.bantin.app;

/** What a password must be: long enough to resist guessing, short enough to hash without abuse. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private PasswordPolicy() {
    }

    static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw ApiException.badRequest("weak_password", "Mật khẩu cần từ " + MIN_LENGTH + " đến " + MAX_LENGTH
                    + " ký tự / A password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw ApiException.badRequest("weak_password", "Mật khẩu không được trùng tên đăng nhập / The password"
                    + " must not be the username");
        }
    }
}
