package vn.bantin.app.report;

import vn.bantin.access.Actor;
import vn.bantin.app.ApiException;
import vn.bantin.app.AreaScope;
import vn.bantin.store.Database;
import vn.bantin.store.report.ReportFactsRepository;

/** The figures coverage is measured against: people per area, households per endpoint (null clears one). */
public final class CoverageService {

    /** More people than live in Viet Nam is a typing error, not a figure. */
    private static final long MAX = 200_000_000L;

    private final Database db;
    private final AreaScope scope;
    private final ReportFactsRepository facts = new ReportFactsRepository();

    public CoverageService(Database db, AreaScope scope) {
        this.db = db;
        this.scope = scope;
    }

    /** An area outside the actor's scope is not found. */
    public void setPopulation(Actor actor, long areaId, Long population) {
        check(population, "population", "Dân số");
        db.tx(c -> {
            scope.require(c, actor, areaId);
            return facts.setPopulation(c, areaId, population);
        });
    }

    /** An endpoint outside the actor's scope is not found. */
    public void setHouseholds(Actor actor, long endpointId, Long households) {
        check(households, "households", "Số hộ");
        db.tx(c -> {
            Long areaId = facts.areaOfEndpoint(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId)).orElse(null);
            AreaScope.requireVisible(scope.of(c, actor), areaId, "thiết bị/endpoint", endpointId);
            return facts.setHouseholds(c, endpointId, households);
        });
    }

    private static void check(Long value, String field, String name) {
        if (value != null && (value < 0 || value > MAX)) {
            throw ApiException.badRequest("bad_" + field, name + " phải từ 0 đến " + MAX + " / " + field
                    + " must be between 0 and " + MAX);
        }
    }
}
