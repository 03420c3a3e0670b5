package vn.bantin.agent.spool;

import java.io.IOException;
import java.util.Map;
import java.util.logging.Logger;
import vn.bantin.agent.status.Faults;

/**
 * Tells the heartbeat what is wrong with the spool: {@code disk_full} (or {@code spool_write_failed} for any
 * other write error) while records wait in memory for the disk, and {@code record_torn} for a record file a
 * power cut left unreadable, which also gets a signed TORN gap notice before its file is moved aside.
 */
public final class SpoolFaults {

    private static final Logger LOG = Logger.getLogger(SpoolFaults.class.getName());

    private SpoolFaults() {
    }

    /** @param onRecovered runs when records reach the disk again, before the fault is cleared */
    public static void watch(RecordSpool spool, GapNotices notices, Faults faults, Runnable onRecovered)
            throws IOException {
        spool.reportWritesTo(new RecordSpool.WriteHealth() {
            @Override
            public void failing(int recordsInMemory, IOException cause) {
                String code = String.valueOf(cause.getMessage()).contains("No space left") ? "disk_full"
                        : "spool_write_failed";
                faults.raise(code, recordsInMemory + " play records kept in memory until the disk takes them: "
                        + cause.getMessage());
            }

            @Override
            public void recovered() {
                onRecovered.run();
                faults.clear("disk_full");
                faults.clear("spool_write_failed");
            }
        });
        for (Map.Entry<Long, RecordSpool.Torn> t : spool.tornSeqs().entrySet()) {
            long seq = t.getKey();
            String detail = "spool file " + seq + ".json could not be read back at start (" + t.getValue().why()
                    + "); its bytes are kept in spool/torn/";
            notices.note(seq, seq, GapNotices.Cause.TORN, detail);
            spool.setTornAside(seq);
            faults.event("record_torn", "record " + seq + ": " + detail);
            LOG.severe("record " + seq + " torn: " + detail);
        }
    }
}
