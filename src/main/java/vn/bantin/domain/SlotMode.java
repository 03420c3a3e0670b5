package vn.bantin.domain;

/**
 * ONCE plays the playlist once per start (bulletins); LOOP repeats it for a window (screen dayparts);
 * STREAM relays a live source for a window (an upper-level station), its fallback filling any outage.
 */
public enum SlotMode {
    ONCE, LOOP, STREAM;

    /** LOOP and STREAM occupy a window; ONCE lasts as long as its playlist. */
    public boolean hasWindow() {
        return this != ONCE;
    }
}
