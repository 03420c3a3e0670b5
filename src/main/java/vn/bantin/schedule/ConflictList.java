package vn.bantin.schedule;

import vn.bantin.schedule.GroupPlanner.DraftConflict;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The conflicts of a compilation, made on demand: endpoints of one group share their plan's conflicts,
 * so the list keeps each endpoint's id and its group's list (already in time order) instead of a
 * record per endpoint and conflict — millions at province scale. Messages are written as they are
 * first read (see {@link ConflictReason}). Unmodifiable.
 */
final class ConflictList extends AbstractList<Conflict> implements RandomAccess {

    private final long[] endpointIds;
    private final List<List<DraftConflict>> conflicts;
    /** starts[i]: index of endpoint i's first conflict; starts[n]: the size. */
    private final int[] starts;

    /**
     * @param endpointIds ascending, without repeats
     * @param conflicts   {@code conflicts.get(i)} are endpoint i's, in time order as {@link CompiledSchedule} promises
     */
    ConflictList(long[] endpointIds, List<List<DraftConflict>> conflicts) {
        this.endpointIds = endpointIds;
        this.conflicts = conflicts;
        this.starts = new int[endpointIds.length + 1];
        for (int i = 0; i < endpointIds.length; i++) {
            starts[i + 1] = Math.addExact(starts[i], conflicts.get(i).size());
        }
    }

    @Override
    public Conflict get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int endpoint = endpointOf(index);
        DraftConflict c = conflicts.get(endpoint).get(index - starts[endpoint]);
        return new Conflict(endpointIds[endpoint], c.campaign().id(), c.slot().id(), c.occurrenceMs(), c.kind(),
                c.reason().text());
    }

    @Override
    public int size() {
        return starts[endpointIds.length];
    }

    /** The last endpoint whose conflicts start at or before {@code index}: the one holding it. */
    private int endpointOf(int index) {
        int low = 0;
        int high = endpointIds.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= index) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }
}
