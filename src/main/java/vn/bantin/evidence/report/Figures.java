package vn.bantin.evidence.report;

import java.util.Arrays;

/** One value per {@link Measure}, added up; with the derived figures a report prints. */
public final class Figures {

    private static final Measure[] ALL = Measure.values();
    private static final Measure[] STATUSES = Arrays.stream(BroadcastStatus.values()).map(BroadcastStatus::measure)
            .toArray(Measure[]::new);

    private final long[] values = new long[ALL.length];

    public static Figures of(long[] values) {
        Figures f = new Figures();
        System.arraycopy(values, 0, f.values, 0, f.values.length);
        return f;
    }

    public long get(Measure m) {
        return values[m.ordinal()];
    }

    public Figures add(Measure m, long amount) {
        values[m.ordinal()] += amount;
        return this;
    }

    public Figures add(Figures other) {
        for (int i = 0; i < values.length; i++) {
            values[i] += other.values[i];
        }
        return this;
    }

    /** Plan measures set to zero: for a day whose expected side is counted elsewhere (see RollupRanges). */
    public Figures recordsOnly() {
        Figures f = of(values);
        for (Measure m : ALL) {
            if (m.fromPlan()) {
                f.values[m.ordinal()] = 0;
            }
        }
        return f;
    }

    public long[] values() {
        return values.clone();
    }

    public boolean isZero() {
        return Arrays.stream(values).allMatch(v -> v == 0);
    }

    public long expected() {
        long sum = 0;
        for (Measure m : STATUSES) {
            sum += get(m);
        }
        return sum;
    }

    public long status(BroadcastStatus s) {
        return get(s.measure());
    }

    /** Expected broadcasts that did not play to the end, whatever the reason. */
    public long exceptions() {
        return expected() - get(Measure.PLAYED);
    }

    /**
     * Expected broadcasts the completion rate is measured against: all but those a live session took the air
     * from, for which the session's own broadcast counts instead (a commune is not penalised for going live).
     */
    public long completionBase() {
        return expected() - get(Measure.PREEMPTED_LIVE);
    }

    /** played / {@link #completionBase} in 0..1, or null when nothing was expected ("nothing due" is not "0 %"). */
    public Double completionRate() {
        long base = completionBase();
        return base == 0 ? null : (double) get(Measure.PLAYED) / base;
    }

    public long loopExceptions() {
        return get(Measure.LOOP_MISSED) + get(Measure.LOOP_INTERRUPTED) + get(Measure.LOOP_FAILED);
    }

    /** Expected loop airtime the loop completion is measured against: all but what live sessions and alerts held. */
    public long loopCompletionBase() {
        return get(Measure.LOOP_EXPECTED_MS) - get(Measure.LOOP_PREEMPTED_MS) - get(Measure.LOOP_ALERT_MS);
    }

    /**
     * Loop airtime played / {@link #loopCompletionBase}, or null with nothing left to measure against. Can pass 1
     * when items overran.
     */
    public Double loopCompletionRate() {
        long base = loopCompletionBase();
        return base <= 0 ? null : (double) get(Measure.LOOP_PLAYED_MS) / base;
    }

    /** Something aired: at least one record played to the end. */
    public boolean aired() {
        return get(Measure.PLAYED_RECORDS) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Figures f && Arrays.equals(values, f.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Figures{");
        for (Measure m : ALL) {
            if (get(m) != 0) {
                s.append(m.name()).append('=').append(get(m)).append(' ');
            }
        }
        return s.append('}').toString();
    }
}
