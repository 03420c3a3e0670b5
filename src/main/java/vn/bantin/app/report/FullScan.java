package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 */
final class FullScan implements CellSource {

    private static final long MARGIN_MS = 2 * 86_400_000L;
    private static final String RECORDS = "SELECT device_id, seq, endpoint_id, prev_hash, entry_id, campaign_id,"
            + " broadcast_class, mode, sha256, scheduled_start, actual_start, actual_end, outcome, reason, payload"
            + " FROM play_record WHERE scheduled_start >= ? AND scheduled_start < ?";

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
        Set<Long> wanted = new HashSet<>(endpointIds);
        Map<String, EntryState> plan = planned(c, from.minusDays(MARGIN_MS / 86_400_000L), last, wanted);
        RollupDeltas d = new RollupDeltas();
        long fromMs = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - MARGIN_MS;
        long toMs = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + MARGIN_MS;
        try (PreparedStatement ps = c.prepareStatement(RECORDS)) {
            ps.setLong(1, fromMs);
            ps.setLong(2, toMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long endpointId = rs.getLong("endpoint_id");
                    if (wanted.contains(endpointId)) {
                        fold(c, d, plan, endpointId, record(rs));
                    }
                }
            }
        }
        for (EntryState e : plan.values()) {
            if (e.startMs() < nowMs) {
                d.add(e.key(), e.status().measure(), 1);
            }
        }
        Map<RollupKey, Figures> windowCells = new HashMap<>();
        Map<Long, List<WindowPart>> byEndpoint = new HashMap<>();
        for (WindowPart p : plannedWindows(c, from, last, wanted)) {
            p.addTo(windowCells.computeIfAbsent(p.key(), k -> new Figures()), nowMs);
            byEndpoint.computeIfAbsent(p.endpointId(), k -> new ArrayList<>()).add(p);
        }
        // what live sessions took of them, worked out again from the sessions rather than read from what was kept
        for (Map.Entry<Long, List<WindowPart>> e : byEndpoint.entrySet()) {
            for (PreemptedPart p : liveAir.airOver(c, e.getKey(), e.getValue()).takenFrom(e.getValue())) {
                p.addTo(windowCells.computeIfAbsent(p.part().key(), k -> new Figures()), nowMs);
            }
        }
        windowCells.forEach(d::add);
        d.cells().forEach((key, f) -> {
            if (!key.day().isBefore(from) && !key.day().isAfter(last)
                    && (campaignId == null || key.campaignId() == campaignId)) {
                sink.accept(key, f);
            }
        });
    }

    private void fold(Connection c, RollupDeltas d, Map<String, EntryState> plan, long endpointId,
                      PlayRecordPayload stored) throws SQLException {
        EndpointZones.Facts endpoint = zones.of(c, endpointId);
        String key = endpointId + "/" + stored.entryId();
        PlayRecordPayload r = RollupRules.countedAs(stored, stored.entryId() == null ? null : plan.get(key));
        RollupRules.addRecord(d, endpointId, endpoint.zone(), zones.contentKind(c, endpoint, r.sha256()), r);
        EntryState state = r.mode() == SlotMode.ONCE && r.entryId() != null ? plan.get(key) : null;
        if (state != null) {
            plan.put(key, state.withRecord(r));
        }
    }

    /** Planned entries of the days, as the plan left them: without what records said. */
    private Map<String, EntryState> planned(Connection c, LocalDate from, LocalDate last, Set<Long> wanted)
            throws SQLException {
        Map<String, EntryState> plan = new HashMap<>();
        entries.due(c, from, last, Long.MAX_VALUE, e -> {
            if (wanted.contains(e.endpointId())) {
                plan.put(e.endpointId() + "/" + e.entryId(), new EntryState(e.endpointId(), e.entryId(), true,
                        e.campaignId(), e.kind(), e.day(), e.startMs(), e.reason(), null, 0, 0));
            }
        });
        return plan;
    }

    private List<WindowPart> plannedWindows(Connection c, LocalDate from, LocalDate last, Set<Long> wanted)
            throws SQLException {
        List<WindowPart> parts = new ArrayList<>();
        windows.due(c, from, last, Long.MAX_VALUE, p -> {
            if (wanted.contains(p.endpointId())) {
                parts.add(p);
            }
        });
        return parts;
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
