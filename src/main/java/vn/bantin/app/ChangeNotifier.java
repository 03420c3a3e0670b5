package vn.bantin.app;

/** Told whenever something a timeline depends on changed, so timelines recompile and agents pull. */
public interface ChangeNotifier {
    void scheduleChanged();
}
