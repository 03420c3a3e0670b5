package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Area;
import vn.bantin.domain.QuietHours;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;

import java.time.DateTimeException;
import java.time.LocalTime;
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
    public Area create(Actor actor, String name, Long parentId, String zoneName, String quietFrom, String quietTo) {
        ZoneId zone = zone(zoneName);
        QuietHours quiet = quietFrom == null && quietTo == null ? null : new QuietHours(time(quietFrom), time(quietTo));
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

    static ZoneId zone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(raw.trim());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_zone", "Múi giờ '" + raw + "' không hợp lệ / Unknown time zone '"
                    + raw + "' (e.g. Asia/Ho_Chi_Minh)");
        }
    }

    static LocalTime time(String raw) {
        if (raw == null) {
            throw ApiException.badRequest("bad_time", "Giờ im lặng cần cả 'from' và 'to' / Quiet hours need both"
                    + " 'from' and 'to'");
        }
        try {
            return LocalTime.parse(raw);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("bad_time", "Giờ '" + raw + "' không hợp lệ, dùng HH:mm / Time '" + raw
                    + "' must be HH:mm");
        }
    }
}
