package vn.bantin.domain;

import java.util.List;

/** The compiled, non-overlapping entries one endpoint plays over [fromMs, toMs). */
public record Timeline(long endpointId, long fromMs, long toMs, List<TimelineEntry> entries) {
}
