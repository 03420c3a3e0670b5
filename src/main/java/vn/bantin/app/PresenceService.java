package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.store.ConnectionRepository;
import vn.bantin.store.ConnectionRepository.Stretch;
import vn.bantin.store.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which endpoints are online, and their connection history. Every contact (an authenticated agent call, a
 * push-stream message, a pong) counts; contacts are kept in memory and written by {@link #sweep}, which
 * also marks offline the endpoints silent for longer than the configured time, at their last contact.
 */
public final class PresenceService {

    /** An endpoint came online or went offline, {@code at} its first or last contact. */
    public record Change(long endpointId, boolean online, long at) {
    }

    public record Presence(boolean online, Long lastSeenAt, List<Stretch> history) {
    }

    private static final class Live {
        final long connectionId;
        volatile long lastSeen;
        volatile long written;

        Live(long connectionId, long at) {
            this.connectionId = connectionId;
            this.lastSeen = at;
            this.written = at;
        }
    }

    private final Database db;
    private final ConnectionRepository connections;
    private final VisibleEndpoints visible;
    private final Clock clock;
    private final long offlineAfterMs;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    public PresenceService(Database db, ConnectionRepository connections, VisibleEndpoints visible, Clock clock,
                           Duration offlineAfter) {
        this.db = db;
        this.connections = connections;
        this.visible = visible;
        this.clock = clock;
        this.offlineAfterMs = offlineAfter.toMillis();
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** At start: stretches left open by the last run are still online if recent, else closed at their last contact. */
    public void resume() {
        long now = clock.millis();
        db.tx(c -> {
            for (Stretch s : connections.stillOpen(c)) {
                if (now - s.lastSeenAt() > offlineAfterMs) {
                    connections.close(c, s.id(), s.lastSeenAt());
                } else {
                    live.put(s.endpointId(), new Live(s.id(), s.lastSeenAt()));
                }
            }
            return null;
        });
    }

    /** The endpoint was heard from now. */
    public void seen(long endpointId) {
        long now = clock.millis();
        Live known = live.get(endpointId);
        if (known != null) {
            known.lastSeen = Math.max(known.lastSeen, now);
            return;
        }
        boolean[] opened = {false};
        live.computeIfAbsent(endpointId, id -> {
            opened[0] = true;
            return new Live(db.tx(c -> connections.open(c, id, now)), now);
        });
        if (opened[0]) {
            listeners.forEach(l -> l.accept(new Change(endpointId, true, now)));
        }
    }

    /** Writes recent contacts and closes the stretches of endpoints silent for too long. */
    public void sweep() {
        long now = clock.millis();
        List<Change> offline = new ArrayList<>();
        db.tx(c -> {
            for (Map.Entry<Long, Live> e : live.entrySet()) {
                Live l = e.getValue();
                if (now - l.lastSeen > offlineAfterMs) {
                    connections.close(c, l.connectionId, l.lastSeen);
                    live.remove(e.getKey(), l);
                    offline.add(new Change(e.getKey(), false, l.lastSeen));
                } else if (l.lastSeen > l.written) {
                    connections.seen(c, l.connectionId, l.lastSeen);
                    l.written = l.lastSeen;
                }
            }
            return null;
        });
        offline.forEach(ch -> listeners.forEach(l -> l.accept(ch)));
    }

    public long offlineAfterMs() {
        return offlineAfterMs;
    }

    public boolean isOnline(long endpointId) {
        return live.containsKey(endpointId);
    }

    /** Online or not, and the newest stretches of contact first. */
    public Presence of(Actor actor, long endpointId, int limit) {
        return db.read(c -> {
            visible.require(c, actor, endpointId);
            Live l = live.get(endpointId);
            List<Stretch> history = connections.history(c, endpointId, limit);
            List<Stretch> shown = new ArrayList<>();
            for (Stretch s : history) {
                shown.add(l != null && s.id() == l.connectionId
                        ? new Stretch(s.id(), s.endpointId(), s.connectedAt(), l.lastSeen, null) : s);
            }
            Long lastSeen = l != null ? Long.valueOf(l.lastSeen) : history.isEmpty() ? null : history.get(0).lastSeenAt();
            return new Presence(l != null, lastSeen, shown);
        });
    }
}
