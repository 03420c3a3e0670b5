package vn.bantin.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database said recently about credentials (sessions, API tokens), so most requests skip the lookup
 * and the worker thread it needs. A committed change forgets every entry at once ({@link #forgetAll}); a value
 * read while such a change was committing carries the generation taken before that read and is never answered.
 * Per process: several controllers would need a shared invalidation (see DESIGN, growth).
 */
public final class GenerationCache<V> {

    private record Stamped<V>(V value, long generation) {
    }

    private final int maxEntries;
    private final Map<String, Stamped<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public GenerationCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Take it before reading the value that will be {@link #put}. */
    long generation() {
        return generation.get();
    }

    Optional<V> get(String key) {
        Stamped<V> e = entries.get(key);
        return e != null && e.generation() == generation.get() ? Optional.of(e.value()) : Optional.empty();
    }

    /** readAt: {@link #generation()} as taken before the value was read. */
    void put(String key, V value, long readAt) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Stamped<>(value, readAt));
    }

    /** After a committed change to what is cached. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
