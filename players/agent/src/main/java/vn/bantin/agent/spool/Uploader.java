package vn.bantin.agent.spool;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.bantin.agent.sync.Backoff;
import vn.bantin.agent.sync.ControllerClient;

/**
 * The upload thread: sends spooled records oldest first, with the gap notices not yet acknowledged, and acts
 * only on an acknowledgement the pinned controller key signed for this very request (contract: POST
 * /agent/v1/plays). It deletes the records of the request the acknowledgement says are held, sets aside the
 * ones it refused (explained by a gap notice), and deletes the notices it holds. Nothing else is deleted.
 */
public final class Uploader implements Runnable {

    private static final Logger LOG = Logger.getLogger(Uploader.class.getName());
    private static final int BATCH = 50;
    private static final int NOTICES = 20;
    private static final long IDLE_MS = 60_000;
    private static final long MAX_BACKOFF_MS = 300_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RecordSpool spool;
    private final GapNotices notices;
    private final ControllerClient client;
    private final BooleanSupplier enrolled;
    private final Supplier<byte[]> controllerKey;
    private final Semaphore wake = new Semaphore(0);
    private final Backoff backoff = new Backoff(1_000, MAX_BACKOFF_MS);
    private volatile boolean running = true;

    /** @param controllerKey the pinned controller key (null until enrolled) */
    public Uploader(RecordSpool spool, GapNotices notices, ControllerClient client, BooleanSupplier enrolled,
                    Supplier<byte[]> controllerKey) {
        this.spool = spool;
        this.notices = notices;
        this.client = client;
        this.enrolled = enrolled;
        this.controllerKey = controllerKey;
        spool.onChange(wake::release);
    }

    public void stop() {
        running = false;
        wake.release();
    }

    /** The controller answers again (another call got through): try at once, whatever the backoff had reached. */
    public void linkBack() {
        backoff.reset();
        wake.release();
    }

    @Override
    public void run() {
        while (running) {
            long waitMs = IDLE_MS;
            try {
                if (enrolled.getAsBoolean() && (spool.count() > 0 || notices.count() > 0)) {
                    if (uploadBatch()) {
                        backoff.reset();
                        waitMs = spool.count() > 0 || notices.count() > 0 ? 0 : IDLE_MS;
                    } else {
                        waitMs = backoff.next();
                    }
                } else if (!enrolled.getAsBoolean()) {
                    waitMs = 5_000;
                }
            } catch (IOException e) {
                LOG.warning("upload failed, " + spool.count() + " records kept: " + e);
                waitMs = backoff.next();
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

    /** One request; true when it moved anything forward (records deleted or set aside, notices deleted). */
    public boolean uploadBatch() throws IOException, InterruptedException {
        List<SpooledRecord> records = spool.oldest(BATCH);
        List<GapNotices.Notice> pending = notices.pending(NOTICES);
        byte[] key = controllerKey.get();
        if ((records.isEmpty() && pending.isEmpty()) || key == null) {
            return records.isEmpty() && pending.isEmpty();
        }
        String batch = newBatchId();
        byte[] body = body(batch, records, pending);
        HttpResponse<byte[]> response = client.postBytes("/agent/v1/plays", body);
        if (response.statusCode() != 200) {
            LOG.warning("plays refused: HTTP " + response.statusCode() + " " + ControllerClient.bodyText(response));
            return false;
        }
        Acknowledgement ack;
        try {
            ack = new AckVerifier(key, spool.deviceId()).verify(response.body(),
                    response.headers().firstValue("X-Bantin-Signature").orElse(null), batch, body);
        } catch (AckVerifier.AckRejected e) {
            LOG.severe("acknowledgement refused, nothing deleted: " + e.getMessage());
            return false;
        }
        return apply(ack, records);
    }

    private boolean apply(Acknowledgement ack, List<SpooledRecord> records) throws IOException {
        List<Long> held = records.stream().map(SpooledRecord::seq).filter(ack::holds).toList();
        int setAside = 0;
        for (Acknowledgement.Refused refused : ack.refused()) {
            if (refused.index() < 0 || refused.index() >= records.size()) {
                continue;
            }
            long seq = records.get(refused.index()).seq();
            if (!ack.holds(seq)) {
                String why = refused.code() + ": " + refused.message();
                notices.note(seq, seq, GapNotices.Cause.REFUSED, why);
                spool.setAside(seq, why);
                setAside++;
                LOG.severe("record " + seq + " refused by the controller, kept aside: " + why);
            }
        }
        int deleted = spool.acknowledge(held);
        int noticesDeleted = notices.acknowledge(ack.notices());
        LOG.info("uploaded " + records.size() + " records: " + deleted + " held by the controller and removed from"
                + " the spool, " + setAside + " set aside, " + noticesDeleted + " gap notices acknowledged");
        return deleted + setAside + noticesDeleted > 0;
    }

    /** The exact request body: batch id, records oldest first, then the pending gap notices (left out when none). */
    public static byte[] body(String batch, List<SpooledRecord> records, List<GapNotices.Notice> pending)
            throws IOException {
        List<Map<String, Object>> wireRecords = new ArrayList<>();
        records.forEach(r -> wireRecords.add(signed(r.payload(), r.sig())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch", batch);
        body.put("records", wireRecords);
        if (!pending.isEmpty()) {
            List<Map<String, Object>> wireNotices = new ArrayList<>();
            pending.forEach(n -> wireNotices.add(signed(n.payload(), n.sig())));
            body.put("gapNotices", wireNotices);
        }
        return JSON.std.asBytes(body);
    }

    private static Map<String, Object> signed(String payload, String sig) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("payload", payload);
        item.put("sig", sig);
        return item;
    }

    private static String newBatchId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
