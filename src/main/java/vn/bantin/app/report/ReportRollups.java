package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.report.DayParts;
import vn.bantin.evidence.report.EntryState;
import vn.bantin.evidence.report.ExpectedItem;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.PreemptedPart;
import vn.bantin.evidence.report.RollupDeltas;
import vn.bantin.evidence.report.RollupRules;
import vn.bantin.evidence.report.WindowPart;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.StoredPlay;
import vn.bantin.store.report.DeviceEvidenceRepository;
import vn.bantin.store.report.EntryRepository;
import vn.bantin.store.report.RollupRepository;
import vn.bantin.store.report.WindowRepository;

/**
 * Keeps the report rollups in step with the evidence and the plan, inside the caller's transaction: whatever
 * commits a record or a plan item commits its counts with it, so a report is exact the moment the data is.
 * Each call gathers its changes per rollup cell and writes each cell once.
 */
public final class ReportRollups {

    private final EndpointZones zones;
    private final RollupRepository rollups = new RollupRepository();
    private final EntryRepository entries = new EntryRepository();
    private final WindowRepository windows = new WindowRepository();
    private final DeviceEvidenceRepository devices = new DeviceEvidenceRepository();
    private final NamesInUse names = new NamesInUse();
    private final LiveAirTaken liveAir = new LiveAirTaken();

    public ReportRollups(AreaRepository areas) {
        this.zones = new EndpointZones(areas);
    }

    /** Records just stored for an endpoint's device (new ones only: a duplicate must not count twice). */
    public void recordsStored(Connection c, long endpointId, String deviceId, List<PlayRecordPayload> records,
                              int brokenLinks, int conflicts) throws SQLException {
        if (records.isEmpty() && conflicts == 0) {
            return;
        }
        EndpointZones.Facts endpoint = zones.of(c, endpointId);
        RollupDeltas d = new RollupDeltas();
        Set<String> entryIds = records.stream().filter(RollupRules::mayCountForEntry)
                .map(PlayRecordPayload::entryId).collect(Collectors.toSet());
        Map<String, EntryState> rows = entryIds.isEmpty() ? Map.of() : entries.byIds(c, endpointId, entryIds);
        Map<String, EntryState> states = new HashMap<>(rows);
        Map<String, EntryState> changed = new LinkedHashMap<>();
        long highestSeq = 0;
        // a batch plays few files many times: each file's kind is looked up once per batch (a file the controller
        // does not know would otherwise be looked for again for every record)
        Map<String, AssetKind> kinds = new HashMap<>();
        for (PlayRecordPayload stored : records) {
            highestSeq = Math.max(highestSeq, stored.seq());
            PlayRecordPayload r = RollupRules.countedAs(stored, stored.entryId() == null ? null
                    : states.get(stored.entryId()));
            AssetKind kind = kinds.get(r.sha256());
            if (kind == null) {
                kind = zones.contentKind(c, endpoint, r.sha256());
                kinds.put(r.sha256(), kind);
            }
            RollupRules.addRecord(d, endpointId, endpoint.zone(), kind, r);
            if (RollupRules.heldTheAirForAlert(stored)) {
                liveAir.airChanged(c, d, endpointId, r.actualStart(), r.actualEnd());
            }
            if (r.mode() == SlotMode.ONCE && r.entryId() != null) {
                EntryState before = states.getOrDefault(r.entryId(), EntryState.recordOnly(endpointId, r.entryId()));
                EntryState after = RollupRules.recordForEntry(d, before, r);
                states.put(r.entryId(), after);
                if (!after.equals(before)) {
                    changed.put(r.entryId(), after);
                }
            }
        }
        entries.save(c, changed.values(), rows.keySet());
        rollups.add(c, d.cells());
        devices.add(c, deviceId, endpointId, records.size(), highestSeq, brokenLinks, conflicts);
    }

    /** The names records just stored carry (their names at play time), for reports on their period. */
    public void recordsNamed(Connection c, List<StoredPlay> rows) throws SQLException {
        names.recordsStored(c, rows);
    }

    /** The names the plan items recorded from fromMs on carry (their names at plan time). */
    public void planNamed(Connection c, long fromMs, List<ExpectedPlay> rows) throws SQLException {
        names.planRecorded(c, fromMs, rows);
    }

    /**
     * The plan of an endpoint from fromMs on is now {@code items} (those starting earlier are ignored): items no
     * longer planned are withdrawn, new ones counted, changed ones moved. What started before fromMs stays as it
     * was planned.
     */
    public void planRecorded(Connection c, long endpointId, long fromMs, List<ExpectedItem> items)
            throws SQLException {
        EndpointZones.Facts endpoint = zones.of(c, endpointId);
        RollupDeltas d = new RollupDeltas();
        Map<String, ExpectedItem> once = new LinkedHashMap<>();
        Map<String, ExpectedItem> loops = new LinkedHashMap<>();
        for (ExpectedItem item : items) {
            if (item.startMs() >= fromMs && item.endpointId() == endpointId) {
                (item.mode() == SlotMode.ONCE ? once : loops).put(item.entryId(), item);
            }
        }
        replaceOnce(c, d, endpointId, fromMs, once, endpoint);
        replaceLoops(c, d, endpointId, fromMs, loops, endpoint);
        rollups.add(c, d.cells());
    }

    /**
     * A live session an endpoint took is one more expected broadcast on the session's row (counted once: an entry
     * already expected keeps what it has, records and classification included).
     */
    public void liveExpected(Connection c, ExpectedItem item) throws SQLException {
        EndpointZones.Facts endpoint = zones.of(c, item.endpointId());
        EntryState before = entries.byId(c, item.endpointId(), item.entryId())
                .orElse(EntryState.recordOnly(item.endpointId(), item.entryId()));
        if (before.expected()) {
            return;
        }
        RollupDeltas d = new RollupDeltas();
        entries.save(c, List.of(RollupRules.onceExpected(d, before, item, endpoint.zone())));
        rollups.add(c, d.cells());
    }

    /**
     * A live session the endpoint took went on the air, moved its planned end or ended: what it takes of the
     * endpoint's LOOP and relay windows over [fromMs, toMs) (as far as it ever reached) is counted again.
     */
    public void liveAirChanged(Connection c, long endpointId, long fromMs, long toMs) throws SQLException {
        RollupDeltas d = new RollupDeltas();
        liveAir.airChanged(c, d, endpointId, fromMs, toMs);
        rollups.add(c, d.cells());
    }

    /** The evidence classification of a planned item changed (null: no reason known any more). */
    public void classified(Connection c, long endpointId, String entryId, PlanReason reason) throws SQLException {
        RollupDeltas d = new RollupDeltas();
        var entry = entries.byId(c, endpointId, entryId);
        if (entry.isPresent() && entry.get().reason() != reason) {
            entries.save(c, List.of(RollupRules.onceClassified(d, entry.get(), reason)));
        }
        List<WindowPart> parts = windows.ofEntry(c, endpointId, entryId);
        if (!parts.isEmpty() && parts.get(0).reason() != reason) {
            List<WindowPart> now = parts.stream().map(p -> p.classified(reason)).toList();
            RollupRules.windowParts(d, parts, -1);
            RollupRules.windowParts(d, now, 1);
            windows.deleteEntry(c, endpointId, entryId);
            windows.insert(c, now);
        }
        rollups.add(c, d.cells());
    }

    /**
     * The bulk path for an endpoint with nothing counted yet (a migration, a benchmark's province year): its plan
     * from fromMs on and its stored records counted by the same rules as {@link #planRecorded} followed by
     * {@link #recordsStored}, but gathered in memory and written once. Refuses an endpoint that has counts.
     */
    public void bulkLoaded(Connection c, long endpointId, String deviceId, long fromMs, List<ExpectedItem> plan,
                           List<PlayRecordPayload> records) throws SQLException {
        if (rollups.hasCells(c, endpointId)) {
            throw new IllegalStateException("endpoint " + endpointId + " already has report counts");
        }
        EndpointZones.Facts endpoint = zones.of(c, endpointId);
        RollupDeltas d = new RollupDeltas();
        Map<String, EntryState> states = new LinkedHashMap<>();
        List<WindowPart> parts = new ArrayList<>();
        for (ExpectedItem item : plan) {
            if (item.startMs() < fromMs || item.endpointId() != endpointId) {
                continue;
            }
            if (item.mode() == SlotMode.ONCE) {
                states.put(item.entryId(), RollupRules.onceExpected(d, state(states, endpointId, item.entryId()), item,
                        endpoint.zone()));
            } else {
                List<WindowPart> window = RollupRules.windowParts(item, endpoint.zone());
                RollupRules.windowParts(d, window, 1);
                parts.addAll(window);
            }
        }
        long highestSeq = 0;
        for (PlayRecordPayload stored : records) {
            highestSeq = Math.max(highestSeq, stored.seq());
            PlayRecordPayload r = RollupRules.countedAs(stored, stored.entryId() == null ? null
                    : states.get(stored.entryId()));
            RollupRules.addRecord(d, endpointId, endpoint.zone(), zones.contentKind(c, endpoint, r.sha256()), r);
            if (r.mode() == SlotMode.ONCE && r.entryId() != null) {
                states.put(r.entryId(), RollupRules.recordForEntry(d, state(states, endpointId, r.entryId()), r));
            }
        }
        List<PreemptedPart> taken = liveAir.taken(c, endpointId, parts);
        RollupRules.preemptedParts(d, taken, 1);
        entries.insertNew(c, states.values());
        windows.insert(c, parts);
        windows.insertTaken(c, taken);
        rollups.insertNew(c, d.cells());
        devices.add(c, deviceId, endpointId, records.size(), highestSeq, 0, 0);
    }

    private static EntryState state(Map<String, EntryState> states, long endpointId, String entryId) {
        return states.getOrDefault(entryId, EntryState.recordOnly(endpointId, entryId));
    }

    /** After a schedule change: zones and areas may have moved. */
    public void forgetEndpoints() {
        zones.forgetEndpoints();
    }

    private void replaceOnce(Connection c, RollupDeltas d, long endpointId, long fromMs, Map<String, ExpectedItem> once,
                             EndpointZones.Facts endpoint) throws SQLException {
        Map<String, EntryState> changed = new LinkedHashMap<>();
        Map<String, ExpectedItem> toAdd = new LinkedHashMap<>(once);
        for (EntryState e : entries.expectedFrom(c, endpointId, fromMs)) {
            ExpectedItem item = toAdd.get(e.entryId());
            if (item == null) {
                changed.put(e.entryId(), RollupRules.onceWithdrawn(d, e));
            } else if (e.equals(e.expectedAs(item, DayParts.dayOf(item.startMs(),
                    endpoint.zone())))) {
                toAdd.remove(e.entryId());
            }
        }
        Map<String, EntryState> known = toAdd.isEmpty() ? Map.of() : entries.byIds(c, endpointId, toAdd.keySet());
        for (ExpectedItem item : toAdd.values()) {
            EntryState before = changed.getOrDefault(item.entryId(), known.getOrDefault(item.entryId(),
                    EntryState.recordOnly(endpointId, item.entryId())));
            changed.put(item.entryId(), RollupRules.onceExpected(d, before, item, endpoint.zone()));
        }
        entries.save(c, changed.values());
    }

    private void replaceLoops(Connection c, RollupDeltas d, long endpointId, long fromMs,
                              Map<String, ExpectedItem> loops, EndpointZones.Facts endpoint) throws SQLException {
        Map<String, List<WindowPart>> stored = new LinkedHashMap<>();
        List<WindowPart> underWay = new ArrayList<>();
        for (WindowPart p : windows.windowsEndingAfter(c, endpointId, fromMs)) {
            if (p.windowStartMs() >= fromMs) {
                stored.computeIfAbsent(p.entryId(), k -> new ArrayList<>()).add(p);
            } else {
                underWay.add(p);
            }
        }
        List<WindowPart> toInsert = new ArrayList<>();
        Map<String, List<WindowPart>> changed = new LinkedHashMap<>();
        for (ExpectedItem item : loops.values()) {
            if (RollupRules.alreadyExpected(item, underWay)) {
                continue;
            }
            List<WindowPart> parts = RollupRules.windowParts(item, endpoint.zone());
            List<WindowPart> old = stored.remove(item.entryId());
            if (old != null && Set.copyOf(old).equals(Set.copyOf(parts))) {
                continue;
            }
            if (old != null) {
                RollupRules.windowParts(d, old, -1);
                windows.deleteEntry(c, endpointId, item.entryId());
            }
            RollupRules.windowParts(d, parts, 1);
            toInsert.addAll(parts);
            changed.put(item.entryId(), parts);
        }
        for (Map.Entry<String, List<WindowPart>> gone : stored.entrySet()) {
            RollupRules.windowParts(d, gone.getValue(), -1);
            windows.deleteEntry(c, endpointId, gone.getKey());
            changed.put(gone.getKey(), List.of());
        }
        windows.insert(c, toInsert);
        liveAir.recount(c, d, endpointId, changed);
    }
}
