package vn.bantin.access;

import java.util.Set;

/**
 * The areas an actor may see and touch: the subtree of their area, or everything. Objects placed in no
 * area (an unplaced endpoint, content made before areas had owners) belong to full-scope actors only.
 */
public final class Scope {

    private static final Scope EVERYTHING = new Scope(null);

    private final Set<Long> areaIds;

    private Scope(Set<Long> areaIds) {
        this.areaIds = areaIds;
    }

    public static Scope everything() {
        return EVERYTHING;
    }

    public static Scope of(Set<Long> subtree) {
        return new Scope(Set.copyOf(subtree));
    }

    /** The areas of a partial scope; null for a full one. */
    public Set<Long> areaIds() {
        return areaIds;
    }

    public boolean full() {
        return areaIds == null;
    }

    public boolean contains(Long areaId) {
        return areaIds == null || areaId != null && areaIds.contains(areaId);
    }
}
