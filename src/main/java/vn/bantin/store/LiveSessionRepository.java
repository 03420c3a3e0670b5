package vn.bantin.store;

import io.vertx.core.json.JsonArray;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.LiveSession.Status;
import vn.bantin.domain.Targets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Live sessions with the endpoints each reaches. Rows are never deleted: they are the record of what went on air. */
public final class LiveSessionRepository {

    private static final String INSERT = "INSERT INTO live_session (title, broadcast_class, status, area_id,"
            + " target_areas, target_tags, target_endpoints, started_by, started_at, mount)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_REACH = "INSERT INTO live_session_endpoint (session_id, endpoint_id,"
            + " endpoint_name, area_id, state, detail, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT * FROM live_session";
    private static final String BY_ID = SELECT + " WHERE id = ?";
    private static final String RECENT = SELECT + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
    private static final String LIVE_AFTER = SELECT + " WHERE epoch_ms IS NOT NULL AND (ended_at IS NULL"
            + " OR ended_at > ?) ORDER BY id";
    private static final String UNFINISHED = SELECT + " WHERE status IN (?, ?) ORDER BY id";
    private static final String REACH_OF = "SELECT * FROM live_session_endpoint WHERE session_id = ?"
            + " ORDER BY endpoint_id";
    private static final String SET_MOUNT = "UPDATE live_session SET mount = ? WHERE id = ?";
    private static final String ON_AIR = "UPDATE live_session SET status = ?, epoch_ms = ? WHERE id = ? AND status = ?";
    private static final String FINISH = "UPDATE live_session SET status = ?, ended_at = ?, end_reason = ?"
            + " WHERE id = ? AND status IN (?, ?)";
    private static final String RECORDING = "UPDATE live_session SET recording_asset_id = ? WHERE id = ?";
    private static final String REACH_STATE = "UPDATE live_session_endpoint SET state = ?, detail = ?, changed_at = ?"
            + " WHERE session_id = ? AND endpoint_id = ? AND state <> ?";

    public long insert(Connection c, LiveSession s) throws SQLException {
        long id = Sql.insert(c, INSERT, s.title(), s.broadcastClass().name(), s.status().name(),
                s.targets().withinAreaId(), json(s.targets().areaIds()), json(s.targets().tags()),
                json(s.targets().endpointIds()), s.startedBy(), s.startedAt(), "");
        Sql.update(c, SET_MOUNT, mountOf(id), id);
        for (Reach r : s.endpoints()) {
            Sql.update(c, INSERT_REACH, id, r.endpointId(), r.name(), r.areaId(), r.state().name(), r.detail(), r.at());
        }
        return id;
    }

    /** The Icecast mount of a session: its id, so no name from a person ever reaches a URL. */
    public static String mountOf(long sessionId) {
        return "/live-" + sessionId + ".ogg";
    }

    public Optional<LiveSession> byId(Connection c, long id) throws SQLException {
        Optional<LiveSession> bare = Sql.one(c, BY_ID, LiveSessionRepository::session, id);
        return bare.isEmpty() ? bare : Optional.of(withReach(c, bare.get()));
    }

    /** The most recent sessions first. */
    public List<LiveSession> recent(Connection c, int limit) throws SQLException {
        List<LiveSession> out = new ArrayList<>();
        for (LiveSession s : Sql.list(c, RECENT, LiveSessionRepository::session, limit)) {
            out.add(withReach(c, s));
        }
        return out;
    }

    /** Sessions that went on air and are still on air, or ended after {@code fromMs}: what a timeline needs. */
    public List<LiveSession> liveAfter(Connection c, long fromMs) throws SQLException {
        List<LiveSession> out = new ArrayList<>();
        for (LiveSession s : Sql.list(c, LIVE_AFTER, LiveSessionRepository::session, fromMs)) {
            out.add(withReach(c, s));
        }
        return out;
    }

    /** Sessions still OPEN or ON_AIR. */
    public List<LiveSession> unfinished(Connection c) throws SQLException {
        List<LiveSession> out = new ArrayList<>();
        for (LiveSession s : Sql.list(c, UNFINISHED, LiveSessionRepository::session, Status.OPEN.name(),
                Status.ON_AIR.name())) {
            out.add(withReach(c, s));
        }
        return out;
    }

    /** OPEN → ON_AIR with the epoch; false when the session was not OPEN. */
    public boolean onAir(Connection c, long id, long epochMs) throws SQLException {
        return Sql.update(c, ON_AIR, Status.ON_AIR.name(), epochMs, id, Status.OPEN.name()) == 1;
    }

    /** OPEN or ON_AIR → ENDED or FAILED; false when it had already finished. */
    public boolean finish(Connection c, long id, Status status, long atMs, String reason) throws SQLException {
        return Sql.update(c, FINISH, status.name(), atMs, reason, id, Status.OPEN.name(), Status.ON_AIR.name()) == 1;
    }

    public void recording(Connection c, long id, long assetId) throws SQLException {
        Sql.update(c, RECORDING, assetId, id);
    }

    /** Sets an endpoint's state; false when it already had it. */
    public boolean reach(Connection c, long id, long endpointId, EndpointState state, String detail, long atMs)
            throws SQLException {
        return Sql.update(c, REACH_STATE, state.name(), detail, atMs, id, endpointId, state.name()) == 1;
    }

    private LiveSession withReach(Connection c, LiveSession s) throws SQLException {
        List<Reach> reach = Sql.list(c, REACH_OF, rs -> new Reach(rs.getLong("endpoint_id"),
                rs.getString("endpoint_name"), Sql.nullableLong(rs, "area_id"),
                EndpointState.valueOf(rs.getString("state")), rs.getString("detail"), rs.getLong("changed_at")), s.id());
        return new LiveSession(s.id(), s.title(), s.broadcastClass(), s.status(), s.targets(), s.startedBy(),
                s.startedAt(), s.epochMs(), s.endedAt(), s.endReason(), s.mount(), s.recordingAssetId(), reach);
    }

    private static LiveSession session(ResultSet rs) throws SQLException {
        Targets targets = new Targets(longs(rs.getString("target_areas")), strings(rs.getString("target_tags")),
                longs(rs.getString("target_endpoints")), Sql.nullableLong(rs, "area_id"));
        return new LiveSession(rs.getLong("id"), rs.getString("title"),
                BroadcastClass.valueOf(rs.getString("broadcast_class")), Status.valueOf(rs.getString("status")),
                targets, rs.getString("started_by"), rs.getLong("started_at"), Sql.nullableLong(rs, "epoch_ms"),
                Sql.nullableLong(rs, "ended_at"), rs.getString("end_reason"), rs.getString("mount"),
                Sql.nullableLong(rs, "recording_asset_id"), List.of());
    }

    private static String json(Set<?> values) {
        return new JsonArray(new ArrayList<>(values)).encode();
    }

    private static Set<Long> longs(String json) {
        Set<Long> out = new LinkedHashSet<>();
        new JsonArray(json).forEach(v -> out.add(((Number) v).longValue()));
        return out;
    }

    private static Set<String> strings(String json) {
        Set<String> out = new LinkedHashSet<>();
        new JsonArray(json).forEach(v -> out.add((String) v));
        return out;
    }
}
