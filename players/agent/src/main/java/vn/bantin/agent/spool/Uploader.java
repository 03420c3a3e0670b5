package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import vn.bantin.agent.sync.ControllerClient;

/** The upload thread: sends spooled records oldest first and deletes only what the controller acknowledged. */
public final class Uploader implements Runnable {

    private static final Logger LOG = Logger.getLogger(Uploader.class.getName());
    private static final int BATCH = 50;
    private static final long IDLE_MS = 60_000;
    private static final long MAX_BACKOFF_MS = 300_000;

    private final RecordSpool spool;
    private final ControllerClient client;
    private final BooleanSupplier enrolled;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running = true;

    public Uploader(RecordSpool spool, ControllerClient client, BooleanSupplier enrolled) {
        this.spool = spool;
        this.client = client;
        this.enrolled = enrolled;
        spool.onChange(wake::release);
    }

    public void stop() {
        running = false;
        wake.release();
    }

    @Override
    public void run() {
        long backoff = 1_000;
        while (running) {
            long waitMs = IDLE_MS;
            try {
                if (enrolled.getAsBoolean() && spool.count() > 0) {
                    if (uploadBatch()) {
                        backoff = 1_000;
                        waitMs = spool.count() > 0 ? 0 : IDLE_MS;
                    } else {
                        waitMs = backoff;
                        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
                    }
                } else if (!enrolled.getAsBoolean()) {
                    waitMs = 5_000;
                }
            } catch (IOException e) {
                LOG.warning("upload failed, " + spool.count() + " records kept: " + e);
                waitMs = backoff;
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One batch; true when the controller acknowledged at least one of our records. */
    public boolean uploadBatch() throws IOException, InterruptedException {
        List<SpooledRecord> records = spool.oldest(BATCH);
        if (records.isEmpty()) {
            return true;
        }
        List<Map<String, Object>> wire = new ArrayList<>();
        records.forEach(r -> wire.add(Map.of("payload", r.payload(), "sig", r.sig())));
        HttpResponse<byte[]> response = client.postJson("/agent/v1/plays", Map.of("records", wire));
        if (response.statusCode() != 200) {
            LOG.warning("plays refused: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return false;
        }
        Map<String, Object> answer = JSON.std.mapFrom(response.body());
        long highestSeq = ((Number) answer.get("highestSeq")).longValue();
        int deleted = spool.acknowledge(highestSeq);
        LOG.info("uploaded " + records.size() + " records, controller holds up to seq " + highestSeq
                + ", " + deleted + " removed from spool");
        return deleted > 0;
    }
}
