package vn.bantin.app.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.bantin.domain.EndpointStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with an endpoint, as codes the UI words plainly: silent, waiting for approval, disk nearly
 * full, clock off, records not yet uploaded, and whatever faults the agent reports itself as still active.
 */
final class EndpointFaults {

    static final long LOW_DISK_BYTES = 500L * 1000 * 1000;
    static final long CLOCK_OFF_MS = 5_000;
    static final long RECORDS_WAITING = 100;

    private EndpointFaults() {
    }

    static List<String> of(EndpointStatus status, boolean online, JsonObject heartbeat) {
        List<String> out = new ArrayList<>();
        if (status == EndpointStatus.PENDING) {
            out.add("pending");
        }
        if (status == EndpointStatus.ACTIVE && !online) {
            out.add("offline");
        }
        if (heartbeat == null || !online) {
            return out;
        }
        if (heartbeat.getValue("diskFreeBytes") instanceof Number free && free.longValue() < LOW_DISK_BYTES) {
            out.add("disk_low");
        }
        if (heartbeat.getValue("clockOffsetMs") instanceof Number off && Math.abs(off.longValue()) > CLOCK_OFF_MS) {
            out.add("clock_off");
        }
        if (heartbeat.getValue("spooledRecords") instanceof Number n && n.longValue() > RECORDS_WAITING) {
            out.add("records_waiting");
        }
        if (heartbeat.getValue("faults") instanceof JsonArray reported) {
            // the agent also reports faults that cleared since its last heartbeat (active: false): history, not a fault
            for (Object f : reported) {
                if (f instanceof JsonObject o && !o.getBoolean("active", true)) {
                    continue;
                }
                String code = f instanceof JsonObject o ? o.getString("code", "agent") : String.valueOf(f);
                if (!out.contains(code)) {
                    out.add(code);
                }
            }
        }
        return out;
    }
}
