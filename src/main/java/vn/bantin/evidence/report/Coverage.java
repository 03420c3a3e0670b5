package vn.bantin.evidence.report;

/**
 * How many people (and households) live where a campaign aired, out of how many in scope.
 *
 * @param population         people in scope counted by area populations (see {@link PopulationUnits})
 * @param reachedPopulation  of those, people in areas where at least one endpoint aired it
 * @param households         households served by the endpoints in scope that carry a households figure
 * @param reachedHouseholds  of those, households served by endpoints that aired it
 */
public record Coverage(long population, long reachedPopulation, long households, long reachedHouseholds) {

    public static final Coverage NONE = new Coverage(0, 0, 0, 0);

    public Double populationShare() {
        return population == 0 ? null : (double) reachedPopulation / population;
    }

    public Double householdShare() {
        return households == 0 ? null : (double) reachedHouseholds / households;
    }

    public Coverage plus(Coverage o) {
        return new Coverage(population + o.population, reachedPopulation + o.reachedPopulation,
                households + o.households, reachedHouseholds + o.reachedHouseholds);
    }
}
