package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Area;
import vn.bantin.store.AreaRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out an actor's {@link Scope} from the area tree, and refuses what lies outside it with 404: an
 * object out of scope is not shown to exist.
 */
public final class AreaScope {

    private final AreaRepository areas;

    public AreaScope(AreaRepository areas) {
        this.areas = areas;
    }

    public Scope of(Connection c, Actor actor) throws SQLException {
        if (actor.fullScope()) {
            return Scope.everything();
        }
        Map<Long, List<Long>> children = new HashMap<>();
        for (Area a : areas.all(c)) {
            children.computeIfAbsent(a.parentId(), k -> new ArrayList<>()).add(a.id());
        }
        Set<Long> subtree = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(List.of(actor.areaId()));
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (subtree.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return Scope.of(subtree);
    }

    public boolean contains(Connection c, Actor actor, Long areaId) throws SQLException {
        return of(c, actor).contains(areaId);
    }

    /** The area must exist and lie in the actor's scope (null: only for a full scope), else 404. */
    public void require(Connection c, Actor actor, Long areaId) throws SQLException {
        Scope scope = of(c, actor);
        if (areaId == null ? !scope.full() : areas.byId(c, areaId).isEmpty() || !scope.contains(areaId)) {
            throw ApiException.notFound("khu vực/area", areaId == null ? "(none)" : areaId);
        }
    }

    /** 404 unless the object's area is in scope; {@code what} names the object as in ApiException.notFound. */
    public static void requireVisible(Scope scope, Long objectAreaId, String what, Object id) {
        if (!scope.contains(objectAreaId)) {
            throw ApiException.notFound(what, id);
        }
    }
}
