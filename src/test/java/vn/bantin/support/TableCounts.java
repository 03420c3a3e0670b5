package vn.bantin.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Row counts of the tables a hostile request would write to, read straight from the controller's database. */
public final class TableCounts {

    private static final List<String> TABLES = List.of("area", "endpoint", "endpoint_tag", "enrollment_code", "asset",
            "campaign", "campaign_slot", "alert", "app_user", "api_token", "play_record", "gap_notice", "upload_session");

    private TableCounts() {
    }

    /** e.g. "area=2 endpoint=1 ..." */
    public static String of(TestController controller) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection(controller.config().jdbcUrl(), "SA", "");
             Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    sb.append(table).append('=').append(rs.getLong(1)).append(' ');
                }
            }
        }
        return sb.toString();
    }
}
