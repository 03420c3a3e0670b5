package vn.bantin.app;

import java.util.Optional;

/**
 * Sessions found in the database recently, so most requests from a browser skip the lookup (and the worker
 * thread it needs). Any change to people or sessions forgets every entry once it is committed; an entry read
 * while such a change was committing carries the older generation and is never used.
 */
public final class SessionCache {

    /** A session as the database had it when read. */
    record Entry(SessionService.Live live, long createdAt, long lastSeenAt, long cachedAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final GenerationCache<Entry> entries = new GenerationCache<>(MAX_ENTRIES);

    long generation() {
        return entries.generation();
    }

    Optional<Entry> get(String idHash) {
        return entries.get(idHash);
    }

    void put(String idHash, Entry entry, long readAt) {
        entries.put(idHash, entry, readAt);
    }

    /** After a committed change to a person (role, area, disabled, password, deletion) or to sessions. */
    public void forgetAll() {
        entries.forgetAll();
    }
}
