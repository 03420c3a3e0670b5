package vn.bantin.audit;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.app.AreaScope;
import vn.bantin.security.Sha256;
import vn.bantin.store.AuditRepository;
import vn.bantin.store.Database;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The append-only, hash-chained audit trail. Any service or route records a change or a sensitive read with
 * {@link #record}: who (the actor, with role, area and address), when, what, and the state after; the state
 * before is the last state recorded for the same object. Records are appended one at a time, in their own
 * transaction, so the chain never forks.
 */
public final class AuditTrail {

    /** What {@link #verify} found: INTACT, or the first record whose hash or link is wrong. */
    public record Verdict(long records, Long firstBadSeq) {
        public boolean intact() {
            return firstBadSeq == null;
        }
    }

    static final int MAX_JSON = 16_000;
    private static final int PAGE = 1000;

    private final Database db;
    private final AuditRepository records;
    private final AreaScope scope;
    private final Clock clock;

    public AuditTrail(Database db, AuditRepository records, AreaScope scope, Clock clock) {
        this.db = db;
        this.records = records;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * Appends one record. {@code objectKey} names the thing ({@code campaigns/12}), {@code outcome} is the
     * HTTP-like status (200 done, 403 refused...), {@code after} its state after the change (null for reads
     * and refusals).
     */
    public synchronized AuditRecord record(Actor actor, String action, String objectKey, int outcome, String after) {
        return db.tx(c -> {
            Optional<AuditRecord> last = records.last(c);
            String before = objectKey == null ? null : records.lastAfter(c, objectKey).orElse(null);
            AuditRecord unhashed = new AuditRecord(last.map(r -> r.seq() + 1).orElse(1L), clock.millis(), actor.key(),
                    actor.name(), actor.role() == null ? null : actor.role().name(), actor.areaId(), actor.address(), clip(action, 200),
                    objectKey == null ? null : clip(objectKey, 200), outcome, outcome < 300 ? before : null,
                    after == null ? null : clip(after, MAX_JSON), last.map(AuditRecord::recordHash)
                    .orElse(AuditRecord.GENESIS), "");
            AuditRecord hashed = withHash(unhashed);
            records.insert(c, hashed);
            return hashed;
        });
    }

    /**
     * Records after a given seq (paging forward) or, with beforeSeq, before it (newest first), filtered, only those
     * made by actors of the caller's scope.
     */
    public List<AuditRecord> find(Actor actor, String byActor, String objectKey, Long fromMs, Long toMs,
                                  long afterSeq, Long beforeSeq, int limit) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            List<Long> areas = visible.full() ? null : List.copyOf(visible.areaIds());
            return records.find(c, new AuditRepository.Query(areas, byActor, objectKey, fromMs, toMs, afterSeq, limit,
                    beforeSeq));
        });
    }

    /** Walks the whole chain: every hash recomputed, every record linked to the one before. */
    public Verdict verify() {
        return db.read(c -> {
            String prev = AuditRecord.GENESIS;
            long seq = 0;
            long count = 0;
            while (true) {
                List<AuditRecord> page = records.find(c, new AuditRepository.Query(null, null, null, null, null, seq,
                        PAGE));
                for (AuditRecord r : page) {
                    if (r.seq() != seq + 1 || !r.prevHash().equals(prev)
                            || !r.recordHash().equals(Sha256.hex(r.hashedText()))) {
                        return new Verdict(count, r.seq());
                    }
                    prev = r.recordHash();
                    seq = r.seq();
                    count++;
                }
                if (page.size() < PAGE) {
                    return new Verdict(count, null);
                }
            }
        });
    }

    static AuditRecord withHash(AuditRecord r) {
        return new AuditRecord(r.seq(), r.atMs(), r.actorKey(), r.actorName(), r.actorRole(), r.areaId(), r.address(),
                r.action(), r.objectKey(), r.outcome(), r.before(), r.after(), r.prevHash(), Sha256.hex(r.hashedText()));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
