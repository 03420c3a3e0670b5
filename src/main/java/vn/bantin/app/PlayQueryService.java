package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Endpoint;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.StoredPlay;

import java.util.List;

/** Reading the evidence: the latest records of the endpoints in scope. */
public final class PlayQueryService {

    private final Database db;
    private final PlayRecordRepository plays;
    private final EndpointRepository endpoints;
    private final AreaScope scope;

    public PlayQueryService(Database db, PlayRecordRepository plays, EndpointRepository endpoints, AreaScope scope) {
        this.db = db;
        this.plays = plays;
        this.endpoints = endpoints;
        this.scope = scope;
    }

    /** The latest records of endpoints in the actor's scope. */
    public List<StoredPlay> recent(Actor actor, int limit) {
        return db.read(c -> {
            if (actor.fullScope()) {
                return plays.recent(c, limit);
            }
            Scope visible = scope.of(c, actor);
            List<Long> ids = endpoints.all(c).stream().filter(e -> visible.contains(e.areaId())).map(Endpoint::id)
                    .toList();
            return plays.recentOf(c, ids, limit);
        });
    }
}
