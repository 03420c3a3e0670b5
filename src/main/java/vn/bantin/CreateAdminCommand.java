package vn.bantin;

import io.vertx.core.json.JsonObject;
import vn.bantin.access.Actor;
import vn.bantin.access.User;
import vn.bantin.app.ApiException;
import vn.bantin.app.AreaScope;
import vn.bantin.app.Services;
import vn.bantin.audit.AuditTrail;
import vn.bantin.config.BantinConfig;
import vn.bantin.security.Secrets;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.AuditRepository;
import vn.bantin.store.Database;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar bantin-controller.jar create-admin --username NAME [--display-name "…"] [--config FILE]}:
 * the first administrator, made on the server while the controller is stopped (the embedded database is
 * then free), instead of the setup token. The password never comes from the command line: on a terminal
 * it is asked twice without echo; otherwise it is the first line of standard input; left empty, one is made
 * and printed this once.
 */
public final class CreateAdminCommand {

    public static final String NAME = "create-admin";
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private final BantinConfig config;
    private final PrintStream out;
    private final PrintStream err;

    CreateAdminCommand(BantinConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    /** The exit status: 0 made, 1 refused (with the reason on stderr), 2 wrong usage. */
    int run(List<String> args, Console console, BufferedReader stdin) {
        String username = option(args, "--username");
        if (username == null) {
            err.println("Cách dùng / usage: " + NAME + " --username NAME [--display-name \"Tên\"] [--config FILE]");
            return USAGE;
        }
        String password;
        try {
            password = console != null ? askTwice(console) : firstLine(stdin);
        } catch (IllegalStateException | IOException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        boolean made = password.isEmpty();
        if (made) {
            password = Secrets.newPassword();
        }
        Database db;
        try {
            db = Database.open(config.jdbcUrl(), config.jdbcUser(), config.jdbcPassword());
        } catch (RuntimeException e) {
            err.println("Không mở được cơ sở dữ liệu; bộ điều khiển đang chạy? Dừng nó trước, hoặc dùng mã cài đặt"
                    + " (POST /api/v1/setup) / Cannot open the database; is the controller running? Stop it first, or"
                    + " use the setup token (POST /api/v1/setup). (" + e.getMessage() + ")");
            return REFUSED;
        }
        try (db) {
            return make(db, username, option(args, "--display-name"), password, made);
        }
    }

    private int make(Database db, String username, String displayName, String password, boolean made) {
        AreaScope scope = new AreaScope(new AreaRepository());
        Clock clock = Clock.systemUTC();
        User admin;
        try {
            admin = Services.People.create(db, new AreaRepository(), scope, config, clock).firstAdmin()
                    .createLocally(username, displayName, password);
        } catch (ApiException e) {
            err.println(e.getMessage());
            return REFUSED;
        }
        Actor console = new Actor(Actor.Via.ANONYMOUS, null, null, "console:" + System.getProperty("user.name"), null,
                null, "local");
        new AuditTrail(db, new AuditRepository(), scope, clock).record(console, NAME, "users/" + admin.id(), 201,
                new JsonObject().put("id", admin.id()).put("username", admin.username())
                        .put("displayName", admin.displayName()).put("role", admin.role().name()).encode());
        out.println("Đã tạo quản trị viên '" + admin.username() + "' / Admin '" + admin.username() + "' created.");
        if (made) {
            out.println("Mật khẩu (chỉ hiện lần này) / Password (shown this once): " + password);
        }
        return OK;
    }

    private static String askTwice(Console console) {
        char[] first = console.readPassword("Mật khẩu (để trống: tự tạo) / Password (empty: make one): ");
        if (first == null || first.length == 0) {
            return "";
        }
        char[] again = console.readPassword("Nhập lại / Again: ");
        if (!Arrays.equals(first, again)) {
            throw new IllegalStateException("Hai lần nhập không khớp / The two entries differ");
        }
        return new String(first);
    }

    private static String firstLine(BufferedReader stdin) throws IOException {
        String line = stdin.readLine();
        return line == null ? "" : line.strip();
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i < 0 || i + 1 >= args.size() ? null : args.get(i + 1);
    }
}
