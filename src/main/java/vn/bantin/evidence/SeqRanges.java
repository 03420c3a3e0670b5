package vn.bantin.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A set of sequence numbers as sorted, disjoint, non-adjacent ranges [first, last]: what a device's stored
 * records cover. An acknowledgement lists them, and the holes between them are the evidence gaps.
 */
public final class SeqRanges {

    public record Range(long first, long last) {
        public Range {
            if (first < 1 || last < first) {
                throw new IllegalArgumentException("bad range [" + first + ", " + last + "]");
            }
        }

        public boolean contains(long seq) {
            return seq >= first && seq <= last;
        }

        public long size() {
            return last - first + 1;
        }
    }

    private static final SeqRanges EMPTY = new SeqRanges(List.of());

    private final List<Range> ranges;

    private SeqRanges(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static SeqRanges empty() {
        return EMPTY;
    }

    /** From ranges in any order; overlapping or adjacent ones merge. */
    public static SeqRanges of(Collection<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.first() <= last.last() + 1) {
                merged.set(merged.size() - 1, new Range(last.first(), Math.max(last.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return new SeqRanges(merged);
    }

    /** These ranges with {@code seqs} added. */
    public SeqRanges plus(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return this;
        }
        List<Range> all = new ArrayList<>(ranges);
        for (long seq : new TreeSet<>(seqs)) {
            all.add(new Range(seq, seq));
        }
        return of(all);
    }

    public List<Range> ranges() {
        return ranges;
    }

    public boolean contains(long seq) {
        int low = 0;
        int high = ranges.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            Range r = ranges.get(mid);
            if (seq < r.first()) {
                high = mid - 1;
            } else if (seq > r.last()) {
                low = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public long count() {
        return ranges.stream().mapToLong(Range::size).sum();
    }

    /** The highest seq held, 0 when none. */
    public long last() {
        return ranges.isEmpty() ? 0 : ranges.get(ranges.size() - 1).last();
    }

    /** The holes from seq 1 up to the highest seq held: the sequence numbers missing so far. */
    public List<Range> gaps() {
        List<Range> gaps = new ArrayList<>();
        long next = 1;
        for (Range r : ranges) {
            if (r.first() > next) {
                gaps.add(new Range(next, r.first() - 1));
            }
            next = r.last() + 1;
        }
        return gaps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeqRanges other && other.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode();
    }

    @Override
    public String toString() {
        return ranges.stream().map(r -> r.first() == r.last() ? String.valueOf(r.first()) : r.first() + "-" + r.last())
                .toList().toString();
    }
}
