package vn.bantin.app;

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

    public AreaService(Database db, AreaRepository areas, ChangeNotifier changes) {
        this.db = db;
        this.areas = areas;
        this.changes = changes;
    }

    public List<Area> all() {
        return db.read(areas::all);
    }

    public Area get(long id) {
        return db.read(c -> areas.byId(c, id)).orElseThrow(() -> ApiException.notFound("khu vực/area", id));
    }

    public Area create(String name, Long parentId, String zoneName, String quietFrom, String quietTo) {
        ZoneId zone = zone(zoneName);
        QuietHours quiet = quietFrom == null && quietTo == null ? null : new QuietHours(time(quietFrom), time(quietTo));
        Area created = db.tx(c -> {
            if (parentId != null && areas.byId(c, parentId).isEmpty()) {
                throw ApiException.notFound("khu vực cha/parent area", parentId);
            }
            long id = areas.insert(c, parentId, name, zone, quiet);
            return areas.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.areas(created.id()));
        return created;
    }

    private static ZoneId zone(String raw) {
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

    private static LocalTime time(String raw) {
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
