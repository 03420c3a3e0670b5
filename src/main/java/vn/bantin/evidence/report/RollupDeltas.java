package vn.bantin.evidence.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Changes to rollup cells, gathered over a batch so each cell is written once. */
public final class RollupDeltas {

    private final Map<RollupKey, Figures> cells = new LinkedHashMap<>();

    public void add(RollupKey key, Measure measure, long amount) {
        if (amount != 0) {
            cells.computeIfAbsent(key, k -> new Figures()).add(measure, amount);
        }
    }

    public void add(RollupKey key, Figures figures) {
        cells.computeIfAbsent(key, k -> new Figures()).add(figures);
    }

    public void addAll(RollupDeltas other) {
        other.cells.forEach(this::add);
    }

    /** The non-zero changes by cell. */
    public Map<RollupKey, Figures> cells() {
        Map<RollupKey, Figures> out = new LinkedHashMap<>();
        cells.forEach((k, v) -> {
            if (!v.isZero()) {
                out.put(k, v);
            }
        });
        return out;
    }

    public boolean isEmpty() {
        return cells().isEmpty();
    }
}
