package vn.bantin.app;

import vn.bantin.schedule.ChangeScope;

/** Told whenever something a timeline depends on changed, so the timelines it reaches recompile and agents pull. */
public interface ChangeNotifier {

    void scheduleChanged(ChangeScope scope);

    /** A change whose reach is unknown: every timeline recompiles. */
    default void scheduleChanged() {
        scheduleChanged(ChangeScope.all());
    }
}
