package vn.bantin.agent.relay;

/** What the player tells a running relay about the world around it. */
public interface RelayWatch {

    /** When the relay must end now (the entry's end in the current timeline). */
    long endAt();

    /** Why the relay must stop before its end (an alert, a new timeline without it, the agent stopping), or null. */
    String cutReason();

    /** The stream went on the air (first time, or again after a gap); for events and latency figures. */
    default void onAir(long at, boolean recovered) {
    }
}
