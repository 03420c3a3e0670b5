package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.BiConsumer;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.RollupKey;

/** Where a report's cells come from: the rollups, or (as a baseline and a cross-check) a full scan. */
public interface CellSource {

    /**
     * The cells of from..to as of nowMs; plans count only what started before nowMs.
     *
     * @param today       today in the report's zone
     * @param endpointIds the endpoints to read
     * @param campaignId  one campaign, or null for all
     */
    void read(Connection c, LocalDate from, LocalDate to, LocalDate today, long nowMs, Collection<Long> endpointIds,
              Long campaignId, BiConsumer<RollupKey, Figures> sink) throws SQLException;
}
