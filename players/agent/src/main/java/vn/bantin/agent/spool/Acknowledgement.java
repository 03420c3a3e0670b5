package vn.bantin.agent.spool;

import java.util.List;
import java.util.Set;

/**
 * A verified acknowledgement of one plays request: the seq ranges the controller holds for this device,
 * the request's records it refused as invalid, and the hashes of the request's gap notices it holds.
 */
public record Acknowledgement(List<long[]> held, List<Refused> refused, Set<String> notices) {

    /** A refused item: {@code index} in the request's records, the controller's code and words. */
    public record Refused(int index, String code, String message) {
    }

    public boolean holds(long seq) {
        for (long[] range : held) {
            if (seq >= range[0] && seq <= range[1]) {
                return true;
            }
        }
        return false;
    }
}
