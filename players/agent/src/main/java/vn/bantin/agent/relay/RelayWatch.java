package vn.bantin.agent.relay;

/** What the player tells a running relay about the world around it. */
public interface RelayWatch {

    /** When the relay must end now (the entry's end in the current timeline). */
    long endAt();

    /** Why the relay must stop before its end (an alert, a new timeline without it, the agent stopping), or null. */
    String cutReason();

    /**
     * Asked when the end is reached: why it came before the window's planned end (an alert took the rest of it),
     * or null when it came as planned.
     */
    default String endedEarlyBy() {
        return null;
    }

    /** The stream went on the air (first time, or again after a gap); for events and latency figures. */
    default void onAir(long at, boolean recovered) {
    }
}
