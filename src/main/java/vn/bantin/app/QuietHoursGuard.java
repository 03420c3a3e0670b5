package vn.bantin.app;

import vn.bantin.domain.Campaign;

import java.sql.Connection;
import java.sql.SQLException;

/** Refuses, at save time, a campaign that would put NORMAL/PRIORITY audio on speakers in quiet hours. */
public interface QuietHoursGuard {
    void check(Connection c, Campaign campaign) throws SQLException;
}
