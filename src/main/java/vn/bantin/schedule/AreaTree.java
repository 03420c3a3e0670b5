package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.QuietHours;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The area tree with what each area inherits: its time zone and quiet hours come from the nearest ancestor that sets them. */
public final class AreaTree {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Map<Long, Area> byId = new HashMap<>();
    private final Map<Long, List<Long>> lineage = new HashMap<>();

    public AreaTree(Collection<Area> areas) {
        for (Area area : areas) {
            byId.put(area.id(), area);
        }
    }

    public Area area(long id) {
        return byId.get(id);
    }

    /** The area itself, then its parent, up to the root; stops at an unknown parent or a cycle. */
    public List<Long> selfAndAncestors(long areaId) {
        return lineage.computeIfAbsent(areaId, this::walkUp);
    }

    public ZoneId zone(Long areaId) {
        if (areaId != null) {
            for (long id : selfAndAncestors(areaId)) {
                Area area = byId.get(id);
                if (area != null && area.zone() != null) {
                    return area.zone();
                }
            }
        }
        return DEFAULT_ZONE;
    }

    /** The area whose quiet hours apply to {@code areaId}, or null when none does. */
    public Area quietHoursSource(Long areaId) {
        if (areaId != null) {
            for (long id : selfAndAncestors(areaId)) {
                Area area = byId.get(id);
                if (area != null && area.quietHours() != null) {
                    return area;
                }
            }
        }
        return null;
    }

    public QuietHours quietHours(Long areaId) {
        Area source = quietHoursSource(areaId);
        return source == null ? null : source.quietHours();
    }

    private List<Long> walkUp(long areaId) {
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long id = areaId;
        while (id != null && seen.add(id)) {
            chain.add(id);
            Area area = byId.get(id);
            id = area == null ? null : area.parentId();
        }
        return List.copyOf(chain);
    }
}
