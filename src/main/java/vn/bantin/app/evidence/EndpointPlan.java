package vn.bantin.app.evidence;

import vn.bantin.evidence.ExpectedOutcome;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.store.TimelineFetchRepository;

import java.util.List;

/**
 * An endpoint's recorded plan over a period, each expected play with what became of it, and the timelines
 * its device received in that period.
 */
public record EndpointPlan(long endpointId, long fromMs, long toMs, List<Item> items,
                           List<TimelineFetchRepository.Fetch> fetches) {

    public record Item(RecordedExpectation expected, ExpectedOutcome.Judgement outcome) {
    }
}
