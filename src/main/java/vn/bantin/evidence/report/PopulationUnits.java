package vn.bantin.evidence.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Who lives where, without counting anyone twice. Each area with a population keeps as its own the people not
 * already counted by its nearest descendants with a population (a commune of 10,000 whose hamlets list 3,000 and
 * 2,000 keeps 5,000). An endpoint reaches the people of its nearest area with a population, going up from its own
 * area and no higher than the report's scope. The population in scope is the sum of what the areas keep, which
 * is the scope's own figure whenever the figures add up.
 */
final class PopulationUnits {

    private final AreaIndex index;
    private final Map<Long, Long> kept = new HashMap<>();

    PopulationUnits(AreaIndex index) {
        this.index = index;
        Map<Long, Long> counted = new HashMap<>();
        for (long id : index.inScope()) {
            Long population = index.area(id).population();
            if (population == null) {
                continue;
            }
            Long parent = nearestPopulatedAbove(id);
            if (parent != null) {
                counted.merge(parent, population, Long::sum);
            }
        }
        for (long id : index.inScope()) {
            Long population = index.area(id).population();
            if (population != null) {
                kept.put(id, Math.max(0, population - counted.getOrDefault(id, 0L)));
            }
        }
    }

    /** The area whose people an endpoint in areaId reaches, or null. */
    Long unitOf(Long areaId) {
        if (areaId == null) {
            return null;
        }
        for (long id : index.upToScope(areaId)) {
            if (kept.containsKey(id)) {
                return id;
            }
        }
        return null;
    }

    /** People kept by the areas of the subtree of root, and of those the ones in reached units. */
    long[] population(Long root, LongPredicate reached) {
        long total = 0;
        long hit = 0;
        for (Map.Entry<Long, Long> unit : kept.entrySet()) {
            if (root == null || index.upToScope(unit.getKey()).contains(root)) {
                total += unit.getValue();
                if (reached.test(unit.getKey())) {
                    hit += unit.getValue();
                }
            }
        }
        return new long[] {total, hit};
    }

    private Long nearestPopulatedAbove(long id) {
        List<Long> chain = new ArrayList<>(index.upToScope(id));
        for (int i = 1; i < chain.size(); i++) {
            if (index.area(chain.get(i)).population() != null) {
                return chain.get(i);
            }
        }
        return null;
    }
}
