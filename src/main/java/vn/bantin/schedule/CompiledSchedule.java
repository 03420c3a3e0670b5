package vn.bantin.schedule;

import vn.bantin.domain.Timeline;

import java.util.List;
import java.util.Map;

/** The timelines by endpoint id, and the conflicts met while compiling them (sorted by endpoint, then time). */
public record CompiledSchedule(Map<Long, Timeline> timelines, List<Conflict> conflicts) {
}
