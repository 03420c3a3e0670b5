package vn.bantin.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each asset's media jobs will be done, worked out by playing the queue forward the way {@link JobLanes}
 * runs it: whichever worker frees first takes the first waiting job it may take (the short-only worker never
 * takes a long-lane job), and an asset is ready when its last job ends. Plain arithmetic over expected costs.
 */
final class ReadinessEstimate {

    /** One job: the asset it serves, its lane, and how long it is expected to take (ms). */
    record Work(long assetId, JobLanes.Lane lane, long costMs) {
    }

    private ReadinessEstimate() {
    }

    /**
     * shortFreeAt/anyFreeAt: when each worker is done with what it runs now (epoch ms; now if idle);
     * runningDone: asset id → when its running job ends; waiting: jobs in the order they would be taken.
     * Returns asset id → estimated epoch ms at which its last job ends.
     */
    static Map<Long, Long> readyAt(long shortFreeAt, long anyFreeAt, Map<Long, Long> runningDone,
                                   List<Work> waiting) {
        long[] free = {shortFreeAt, anyFreeAt};
        Map<Long, Long> out = new HashMap<>(runningDone);
        List<Work> left = new ArrayList<>(waiting);
        while (!left.isEmpty()) {
            int worker = free[0] <= free[1] ? 0 : 1;
            Work next = null;
            for (Work w : left) {
                if (worker == 1 || w.lane() == JobLanes.Lane.SHORT) {
                    next = w;
                    break;
                }
            }
            if (next == null) {
                free[0] = Long.MAX_VALUE; // only long-lane work is left: the short-only worker stays idle
                continue;
            }
            left.remove(next);
            free[worker] += next.costMs();
            out.merge(next.assetId(), free[worker], Math::max);
        }
        return out;
    }
}
