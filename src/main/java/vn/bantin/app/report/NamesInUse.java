package vn.bantin.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.report.NameHistory.Named;
import vn.bantin.evidence.report.NameHistory.Use;
import vn.bantin.store.StoredPlay;
import vn.bantin.store.report.NameHistoryRepository;

/**
 * Notes, inside the caller's transaction, the names that stored records and recorded plan items carry, as change
 * points of the name history reports print from. A name already in use at that instant costs one indexed read.
 */
final class NamesInUse {

    private final NameHistoryRepository history = new NameHistoryRepository();

    void recordsStored(Connection c, List<StoredPlay> rows) throws SQLException {
        List<Use> uses = new ArrayList<>();
        for (StoredPlay r : rows) {
            if (r.scheduledStart() != null && r.names() != null) {
                add(uses, r.names(), r.campaignId(), r.endpointId(), r.scheduledStart());
            }
        }
        note(c, uses);
    }

    void planRecorded(Connection c, long fromMs, List<ExpectedPlay> rows) throws SQLException {
        List<Use> uses = new ArrayList<>();
        for (ExpectedPlay p : rows) {
            if (p.startMs() >= fromMs && p.names() != null) {
                add(uses, p.names(), p.campaignId() == 0 ? null : p.campaignId(), p.endpointId(), p.startMs());
            }
        }
        note(c, uses);
    }

    private static void add(List<Use> uses, PlayNames n, Long campaignId, long endpointId, long ms) {
        if (campaignId != null) {
            use(uses, Named.CAMPAIGN, campaignId, ms, n.campaignName());
            use(uses, Named.TOPIC, campaignId, ms, n.topic());
        }
        use(uses, Named.ENDPOINT, endpointId, ms, n.endpointName());
        if (n.areaId() != null) {
            use(uses, Named.AREA, n.areaId(), ms, n.areaName());
        }
    }

    private static void use(List<Use> uses, Named kind, long id, long ms, String name) {
        if (name != null && !name.isBlank()) {
            uses.add(new Use(kind, id, ms, name));
        }
    }

    /** Each name once, from its earliest instant in the batch; only a name not already in use then is written. */
    private void note(Connection c, List<Use> uses) throws SQLException {
        Map<List<Object>, Use> earliest = new HashMap<>();
        for (Use u : uses) {
            earliest.merge(List.of(u.kind(), u.objectId(), u.name()), u, (a, b) -> a.sinceMs() <= b.sinceMs() ? a : b);
        }
        List<Use> ordered = new ArrayList<>(earliest.values());
        ordered.sort(Comparator.comparingLong(Use::sinceMs));
        for (Use u : ordered) {
            if (!history.inUseAt(c, u.kind(), u.objectId(), u.sinceMs()).map(u.name()::equals).orElse(false)) {
                history.note(c, u);
            }
        }
    }
}
