package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.InvalidPayloadException;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.Figures;
import vn.bantin.evidence.report.RollupDeltas;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.evidence.report.RollupRules;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Sql;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.WindowRepository;

/**
 * The same cells as {@link RollupReader}, worked out from the play records themselves: every record of the
 * period (two days either side, for airtime across midnight) is read and folded through {@link RollupRules}
 * against the planned entries and windows (entries from two days before, so a live record finds its session's
 * entry); what live sessions took of the windows is worked out from the sessions. A relay's or live record's
 * on-air time is read from its signed payload, as the ingest read it. The baseline a rollup must beat, and the
 * check that it is exact.
 *
 * <p>It streams, endpoint by endpoint (every cell, entry and window belongs to one endpoint): one forward pass
 * over the endpoint's records by its (endpoint_id, scheduled_start) index, folded as the rows arrive, its cells
 * handed on before the next endpoint is read. So it holds one endpoint's plan and cells, never the period's
 * records, whatever the scope. (An in-process HSQLDB result is built whole before the first row comes back,
 * whatever the fetch size, hence one endpoint per query; a server database streams each by the fetch size.)
 */
final class FullScan implements CellSource {

    private static final long MARGIN_DAYS = 2;
    private static final long MARGIN_MS = MARGIN_DAYS * 86_400_000L;
    private static final int FETCH_SIZE = 1_000;
    /** The payload is read only where the report needs it: a relay's or live record's on-air time. */
    private static final String RECORDS = "SELECT device_id, seq, prev_hash, entry_id, campaign_id, broadcast_class,"
            + " mode, sha256, scheduled_start, actual_start, actual_end, outcome, reason,"
            + " CASE WHEN mode = 'STREAM' THEN payload END AS payload"
            + " FROM play_record WHERE endpoint_id = ? AND scheduled_start >= ? AND scheduled_start < ?";

    private final EndpointZones zones;
    private final EntryRepository entries = new EntryRepository();
    private final WindowRepository windows = new WindowRepository();
    private final LiveAirTaken liveAir = new LiveAirTaken();

    FullScan(AreaRepository areas) {
        this.zones = new EndpointZones(areas);
    }

    @Override
    public void read(Connection c, LocalDate from, LocalDate to, LocalDate today, long nowMs,
                     Collection<Long> endpointIds, Long campaignId, BiConsumer<RollupKey, Figures> sink)
            throws SQLException {
        LocalDate last = to.isBefore(today.plusDays(1)) ? to : today.plusDays(1);
        long fromMs = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - MARGIN_MS;
        long toMs = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + MARGIN_MS;
        try (PreparedStatement records = c.prepareStatement(RECORDS)) {
            records.setFetchSize(FETCH_SIZE);
            for (long endpointId : new LinkedHashSet<>(endpointIds)) {
                records.setLong(1, endpointId);
                records.setLong(2, fromMs);
                records.setLong(3, toMs);
                endpointCells(c, records, endpointId, from, last, nowMs).cells().forEach((key, f) -> {
                    if (!key.day().isBefore(from) && !key.day().isAfter(last)
                            && (campaignId == null || key.campaignId() == campaignId)) {
                        sink.accept(key, f);
                    }
                });
            }
        }
    }

    /** One endpoint's cells: its records (the statement, bound) folded against its plan, then its windows. */
    private RollupDeltas endpointCells(Connection c, PreparedStatement records, long endpointId, LocalDate from,
                                       LocalDate last, long nowMs) throws SQLException {
        Map<String, EntryState> plan = planned(c, endpointId, from.minusDays(MARGIN_DAYS), last);
        RollupDeltas d = new RollupDeltas();
        try (ResultSet rs = records.executeQuery()) {
            while (rs.next()) {
                fold(c, d, plan, endpointId, record(rs));
            }
        }
        for (EntryState e : plan.values()) {
            if (e.startMs() < nowMs) {
                d.add(e.key(), e.status().measure(), 1);
            }
        }
        List<WindowPart> parts = windows.dueOf(c, endpointId, from, last, Long.MAX_VALUE);
        Map<RollupKey, Figures> windowCells = new HashMap<>();
        for (WindowPart p : parts) {
            p.addTo(windowCells.computeIfAbsent(p.key(), k -> new Figures()), nowMs);
        }
        // what live sessions took of them, worked out again from the sessions rather than read from what was kept
        for (PreemptedPart p : liveAir.airOver(c, endpointId, parts).takenFrom(parts)) {
            p.addTo(windowCells.computeIfAbsent(p.part().key(), k -> new Figures()), nowMs);
        }
        windowCells.forEach(d::add);
        return d;
    }

    private void fold(Connection c, RollupDeltas d, Map<String, EntryState> plan, long endpointId,
                      PlayRecordPayload stored) throws SQLException {
        EndpointZones.Facts endpoint = zones.of(c, endpointId);
        EntryState planned = stored.entryId() == null ? null : plan.get(stored.entryId());
        PlayRecordPayload r = RollupRules.countedAs(stored, planned);
        RollupRules.addRecord(d, endpointId, endpoint.zone(), zones.contentKind(c, endpoint, r.sha256()), r);
        EntryState state = r.mode() == SlotMode.ONCE && r.entryId() != null ? plan.get(r.entryId()) : null;
        if (state != null) {
            plan.put(r.entryId(), state.withRecord(r));
        }
    }

    /** Planned entries of one endpoint on the days, by entry id, as the plan left them: without what records said. */
    private Map<String, EntryState> planned(Connection c, long endpointId, LocalDate from, LocalDate last)
            throws SQLException {
        Map<String, EntryState> plan = new HashMap<>();
        entries.dueOf(c, endpointId, from, last, Long.MAX_VALUE, e -> plan.put(e.entryId(), new EntryState(
                e.endpointId(), e.entryId(), true, e.campaignId(), e.kind(), e.day(), e.startMs(), e.reason(), null, 0,
                0)));
        return plan;
    }

    /** The columns, and for a relay or live record its on-air time, read from the signed payload itself. */
    private static PlayRecordPayload record(ResultSet rs) throws SQLException {
        SlotMode mode = SlotMode.valueOf(rs.getString("mode"));
        Long onAirMs = null;
        if (mode == SlotMode.STREAM) {
            try {
                onAirMs = PlayRecordPayload.parse(rs.getString("payload")).onAirMs();
            } catch (InvalidPayloadException e) {
                throw new SQLException("stored record " + rs.getString("device_id") + "/" + rs.getLong("seq")
                        + " does not parse: " + e.getMessage(), e);
            }
        }
        return new PlayRecordPayload(rs.getString("device_id"), rs.getLong("seq"), rs.getString("prev_hash"),
                rs.getString("entry_id"), Sql.nullableLong(rs, "campaign_id"),
                BroadcastClass.valueOf(rs.getString("broadcast_class")), SlotMode.valueOf(rs.getString("mode")),
                rs.getString("sha256"), rs.getLong("scheduled_start"), Sql.nullableLong(rs, "actual_start"),
                Sql.nullableLong(rs, "actual_end"), PlayOutcome.valueOf(rs.getString("outcome")),
                rs.getString("reason"), 0, null, onAirMs);
    }
}
