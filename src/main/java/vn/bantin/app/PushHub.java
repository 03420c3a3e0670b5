package vn.bantin.app;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Agents connected to {@code /agent/v1/stream}, by endpoint, and the messages pushed to them
 * (contract: Push). A push only makes an agent pull sooner, so a message to a socket that just
 * closed is simply lost. Senders must not block: they queue the frame on their connection.
 */
public final class PushHub {

    private final Map<Long, Set<Consumer<String>>> byEndpoint = new ConcurrentHashMap<>();
    private final Map<Long, Set<Runnable>> closers = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    /** Registers one connection of an endpoint; run the returned action when it closes. */
    public Runnable connect(long endpointId, Consumer<String> sender) {
        byEndpoint.computeIfAbsent(endpointId, k -> ConcurrentHashMap.newKeySet()).add(sender);
        return () -> byEndpoint.computeIfPresent(endpointId, (k, set) -> {
            set.remove(sender);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends one message to the endpoint's open streams; false when it has none. */
    public boolean sendTo(long endpointId, String message) {
        Set<Consumer<String>> senders = byEndpoint.get(endpointId);
        if (senders == null || senders.isEmpty()) {
            return false;
        }
        send(senders, message);
        return true;
    }

    /** As {@link #connect(long, Consumer)}, with how to close the connection when the endpoint is revoked. */
    public Runnable connect(long endpointId, Consumer<String> sender, Runnable close) {
        Runnable disconnect = connect(endpointId, sender);
        closers.computeIfAbsent(endpointId, k -> ConcurrentHashMap.newKeySet()).add(close);
        return () -> {
            disconnect.run();
            closers.computeIfPresent(endpointId, (k, set) -> {
                set.remove(close);
                return set.isEmpty() ? null : set;
            });
        };
    }

    /** Closes every open stream of the endpoint (it was revoked); its next call is refused. */
    public void disconnect(long endpointId) {
        Set<Runnable> open = closers.remove(endpointId);
        byEndpoint.remove(endpointId);
        if (open != null) {
            open.forEach(Runnable::run);
        }
    }

    public int connections() {
        return byEndpoint.values().stream().mapToInt(Set::size).sum();
    }

    /** The timelines of these endpoints changed: those connected pull now. */
    public void timelineChanged(Collection<Long> endpointIds) {
        String message = "{\"type\":\"timeline-changed\",\"version\":\"" + changes.incrementAndGet() + "\"}";
        for (long id : endpointIds) {
            send(byEndpoint.get(id), message);
        }
    }

    /** An alert was issued or cancelled: its targets pull at once. */
    public void alert(long alertId, String status, Collection<Long> endpointIds) {
        String message = "{\"type\":\"alert\",\"alertId\":" + alertId + ",\"status\":\"" + status + "\"}";
        for (long id : endpointIds) {
            send(byEndpoint.get(id), message);
        }
    }

    private static void send(Set<Consumer<String>> senders, String message) {
        if (senders != null) {
            senders.forEach(s -> s.accept(message));
        }
    }
}
