package vn.bantin.app;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions found in the database recently, so most requests from a browser skip the lookup (and the worker
 * thread it needs). Any change to people or sessions forgets every entry once it is committed; an entry read
 * while such a change was committing carries the older generation and is never used.
 */
public final class SessionCache {

    /** A session as the database had it when read, with the cache generation current before that read. */
    record Entry(SessionService.Live live, long createdAt, long lastSeenAt, long cachedAt, long generation) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    long generation() {
        return generation.get();
    }

    Optional<Entry> get(String idHash) {
        Entry e = entries.get(idHash);
        return e != null && e.generation() == generation.get() ? Optional.of(e) : Optional.empty();
    }

    void put(String idHash, Entry entry) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(idHash, entry);
    }

    /** After a committed change to a person (role, area, disabled, password, deletion) or to sessions. */
    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }
}
