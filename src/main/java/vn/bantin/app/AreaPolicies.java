package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.AreaPolicy;
import vn.bantin.schedule.AreaTree;
import vn.bantin.store.AreaPolicyRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Per-area policies, inherited from the nearest ancestor that sets one. */
public final class AreaPolicies {

    /** The policy in force for an area and the area that set it (null: the default, set nowhere). */
    public record InForce(AreaPolicy policy, Long setByAreaId) {
    }

    private static final int MAX_MINUTES = 24 * 60;

    private final Database db;
    private final AreaRepository areas;
    private final AreaPolicyRepository policies;
    private final AreaScope scope;

    public AreaPolicies(Database db, AreaRepository areas, AreaPolicyRepository policies, AreaScope scope) {
        this.db = db;
        this.areas = areas;
        this.policies = policies;
        this.scope = scope;
    }

    public InForce get(Actor actor, long areaId) {
        return db.read(c -> {
            scope.require(c, actor, areaId);
            return inForce(c, areaId);
        });
    }

    /** An ADMIN sets the policy of an area in their scope; the areas below inherit it. */
    public InForce put(Actor actor, long areaId, AreaPolicy policy) {
        positive("maxSpeakerSessionsPerDay", policy.maxSpeakerSessionsPerDay(), 1000);
        positive("maxSpeakerSessionMinutes", policy.maxSpeakerSessionMinutes(), MAX_MINUTES);
        return db.tx(c -> {
            scope.require(c, actor, areaId);
            policies.put(c, areaId, policy);
            return inForce(c, areaId);
        });
    }

    InForce inForce(Connection c, Long areaId) throws SQLException {
        if (areaId == null) {
            return new InForce(AreaPolicy.DEFAULT, null);
        }
        Map<Long, AreaPolicy> own = policies.all(c);
        if (own.isEmpty()) {
            return new InForce(AreaPolicy.DEFAULT, null);
        }
        for (long id : new AreaTree(areas.all(c)).selfAndAncestors(areaId)) {
            if (own.containsKey(id)) {
                return new InForce(own.get(id), id);
            }
        }
        return new InForce(AreaPolicy.DEFAULT, null);
    }

    /** The policy of each area that sets one, for checks over many endpoints at once. */
    Map<Long, AreaPolicy> own(Connection c) throws SQLException {
        return policies.all(c);
    }

    private static void positive(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw ApiException.badRequest("bad_policy", field + " phải từ 1 đến " + max + " / " + field
                    + " must be 1-" + max);
        }
    }
}
