package vn.bantin.evidence.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bantin.evidence.report.ReportFacts.AreaFact;

/** The area tree seen from a report's scope: which areas are inside it and each one's way up to it. */
final class AreaIndex {

    private final Map<Long, AreaFact> byId = new HashMap<>();
    private final Map<Long, List<Long>> upToScope = new HashMap<>();
    private final Long scope;
    private final Set<Long> inScope = new LinkedHashSet<>();

    AreaIndex(List<AreaFact> areas, Long scope) {
        this.scope = scope;
        for (AreaFact a : areas) {
            byId.put(a.id(), a);
        }
        for (AreaFact a : areas) {
            List<Long> chain = walkUp(a.id());
            if (scope == null || chain.contains(scope)) {
                inScope.add(a.id());
            }
        }
    }

    AreaFact area(long id) {
        return byId.get(id);
    }

    Set<Long> inScope() {
        return inScope;
    }

    boolean contains(Long areaId) {
        return areaId != null && inScope.contains(areaId);
    }

    /** The area, its parent, ... up to and including the scope (or the root without a scope). */
    List<Long> upToScope(long areaId) {
        return upToScope.computeIfAbsent(areaId, id -> {
            List<Long> chain = walkUp(id);
            int at = scope == null ? -1 : chain.indexOf(scope);
            return at < 0 ? chain : List.copyOf(chain.subList(0, at + 1));
        });
    }

    /** The area right below the scope on the way up from areaId (the scope itself for its own endpoints). */
    Long rowOf(Long areaId) {
        if (!contains(areaId)) {
            return null;
        }
        List<Long> chain = upToScope(areaId);
        if (scope == null) {
            return chain.get(chain.size() - 1);
        }
        return chain.size() >= 2 ? chain.get(chain.size() - 2) : scope;
    }

    private List<Long> walkUp(long areaId) {
        List<Long> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long id = areaId;
        while (id != null && seen.add(id) && byId.containsKey(id)) {
            chain.add(id);
            id = byId.get(id).parentId();
        }
        return chain;
    }
}
