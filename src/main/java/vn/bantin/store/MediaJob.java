package vn.bantin.store;

/** One unit of media work on an asset: its preview, or its rendition for one profile. */
public record MediaJob(long id, long assetId, String task, String state, int progress, String error,
                       long createdAt, long updatedAt) {

    public static final String PREVIEW = "PREVIEW";
    public static final String QUEUED = "QUEUED";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }

    public MediaJob withProgress(String newState, int newProgress, String newError, long nowMs) {
        return new MediaJob(id, assetId, task, newState, newProgress, newError, createdAt, nowMs);
    }
}
