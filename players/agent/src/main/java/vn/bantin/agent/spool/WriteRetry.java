package vn.bantin.agent.spool;

/** Offers the records held in memory to the disk again every few seconds, so they land when space returns. */
public final class WriteRetry implements Runnable {

    private final RecordSpool spool;
    private final long everyMs;
    private volatile boolean running = true;

    public WriteRetry(RecordSpool spool, long everyMs) {
        this.spool = spool;
        this.everyMs = everyMs;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Thread.sleep(everyMs);
            } catch (InterruptedException e) {
                return;
            }
            spool.retryWrites();
        }
    }
}
