package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Area;
import vn.bantin.domain.QuietHours;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;

import java.time.ZoneId;
import java.util.List;

public final class AreaService {

    private final Database db;
    private final AreaRepository areas;
    private final ChangeNotifier changes;
    private final AreaScope scope;

    public AreaService(Database db, AreaRepository areas, ChangeNotifier changes, AreaScope scope) {
        this.db = db;
        this.areas = areas;
        this.changes = changes;
        this.scope = scope;
    }

    /** The actor's own area and everything under it. */
    public List<Area> all(Actor actor) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            return areas.all(c).stream().filter(a -> visible.contains(a.id())).toList();
        });
    }

    public Area get(Actor actor, long id) {
        return db.read(c -> {
            Area area = areas.byId(c, id).orElseThrow(() -> ApiException.notFound("khu vực/area", id));
            AreaScope.requireVisible(scope.of(c, actor), area.id(), "khu vực/area", id);
            return area;
        });
    }

    /** A new area under one in the actor's scope; only a full-scope actor makes a top-level area. */
    public Area create(Actor actor, Long parentId, AreaDraft draft) {
        String name = draft.cleanName();
        ZoneId zone = draft.zoneId();
        QuietHours quiet = draft.quietHours();
        Area created = db.tx(c -> {
            if (parentId == null ? !actor.fullScope() : areas.byId(c, parentId).isEmpty()
                    || !scope.contains(c, actor, parentId)) {
                throw ApiException.notFound("khu vực cha/parent area", parentId == null ? "(none)" : parentId);
            }
            long id = areas.insert(c, parentId, name, zone, quiet);
            return areas.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.areas(created.id()));
        return created;
    }

    /** Name, zone and quiet hours of an area in the actor's scope, as on create (what is left out is cleared). */
    public Area update(Actor actor, long id, AreaDraft draft) {
        String name = draft.cleanName();
        ZoneId zone = draft.zoneId();
        QuietHours quiet = draft.quietHours();
        Area updated = db.tx(c -> {
            scope.require(c, actor, id);
            areas.update(c, id, name, zone, quiet);
            return areas.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.areas(id));
        return updated;
    }
}
