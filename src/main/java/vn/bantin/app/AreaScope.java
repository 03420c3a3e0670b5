package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.store.AreaRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Whether an area lies in an actor's subtree (areas are a shallow tree: province, commune, hamlet). */
public final class AreaScope {

    private static final int MAX_DEPTH = 64;

    private final AreaRepository areas;

    public AreaScope(AreaRepository areas) {
        this.areas = areas;
    }

    /** A null area (unplaced, or every area) is only within a full scope. */
    public boolean contains(Connection c, Actor actor, Long areaId) throws SQLException {
        if (actor.fullScope()) {
            return true;
        }
        Long current = areaId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current.equals(actor.areaId())) {
                return true;
            }
            current = areas.byId(c, current).map(a -> a.parentId()).orElse(null);
        }
        return false;
    }

    /** The area must exist and lie in the actor's scope, else 404 (an area out of scope is not shown to exist). */
    public void require(Connection c, Actor actor, Long areaId) throws SQLException {
        if (areaId == null) {
            if (!actor.fullScope()) {
                throw ApiException.notFound("khu vực/area", "(none)");
            }
            return;
        }
        Optional<?> area = areas.byId(c, areaId);
        if (area.isEmpty() || !contains(c, actor, areaId)) {
            throw ApiException.notFound("khu vực/area", areaId);
        }
    }
}
