package vn.bantin.app.live;

import vn.bantin.access.Scope;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The application's live hub: services publish what happened (endpoint status, now playing, plays, job
 * progress, alert delivery) and every open {@code GET /api/v1/events} stream receives what its caller's scope
 * may see. The last {@link #REPLAYED} events are kept so a browser that reconnects with Last-Event-ID misses
 * nothing short; one that was away longer reloads its screen. Publishing never blocks: sinks queue.
 */
public final class LiveEvents {

    public static final int REPLAYED = 1000;

    private record Subscriber(Scope scope, Consumer<LiveEvent> sink) {
    }

    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    /** Started from the clock so ids keep growing across restarts and an old Last-Event-ID stays older. */
    private long lastId = System.currentTimeMillis();

    /** Delivery happens under the lock so every subscriber sees events in id order; sinks only queue. */
    public void publish(String type, Long areaId, Map<String, Object> data) {
        synchronized (recent) {
            LiveEvent event = new LiveEvent(++lastId, type, areaId, data);
            recent.addLast(event);
            if (recent.size() > REPLAYED) {
                recent.removeFirst();
            }
            for (Subscriber s : subscribers) {
                if (s.scope().contains(areaId)) {
                    s.sink().accept(event);
                }
            }
        }
    }

    /**
     * Starts delivering events to {@code sink}, first those after {@code afterId} still held (0: none);
     * run the returned action to stop.
     */
    public Runnable subscribe(Scope scope, long afterId, Consumer<LiveEvent> sink) {
        Subscriber subscriber = new Subscriber(scope, sink);
        synchronized (recent) {
            if (afterId > 0) {
                recent.stream().filter(e -> e.id() > afterId && scope.contains(e.areaId())).forEach(sink);
            }
            subscribers.add(subscriber);
        }
        return () -> subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }
}
