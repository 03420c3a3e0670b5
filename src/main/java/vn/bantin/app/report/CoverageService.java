package vn.bantin.app.report;

import vn.bantin.app.ApiException;
import vn.bantin.store.Database;
import vn.bantin.store.report.ReportFactsRepository;

/** The figures coverage is measured against: people per area, households per endpoint (null clears one). */
public final class CoverageService {

    /** More people than live in Viet Nam is a typing error, not a figure. */
    private static final long MAX = 200_000_000L;

    private final Database db;
    private final ReportFactsRepository facts = new ReportFactsRepository();

    public CoverageService(Database db) {
        this.db = db;
    }

    public void setPopulation(long areaId, Long population) {
        check(population, "population", "Dân số");
        if (!db.tx(c -> facts.setPopulation(c, areaId, population))) {
            throw ApiException.notFound("khu vực/area", areaId);
        }
    }

    public void setHouseholds(long endpointId, Long households) {
        check(households, "households", "Số hộ");
        if (!db.tx(c -> facts.setHouseholds(c, endpointId, households))) {
            throw ApiException.notFound("thiết bị/endpoint", endpointId);
        }
    }

    private static void check(Long value, String field, String name) {
        if (value != null && (value < 0 || value > MAX)) {
            throw ApiException.badRequest("bad_" + field, name + " phải từ 0 đến " + MAX + " / " + field
                    + " must be between 0 and " + MAX);
        }
    }
}
