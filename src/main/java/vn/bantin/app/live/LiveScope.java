package vn.bantin.app.live;

/** Which events a subscriber may see: those of areas in the caller's scope. */
@FunctionalInterface
public interface LiveScope {

    LiveScope EVERYTHING = areaId -> true;

    /** Whether an event of this area (null: an event without an area) is visible. */
    boolean sees(Long areaId);
}
