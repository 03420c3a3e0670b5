package vn.bantin.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Readiness estimate: the queue played forward as the two workers take it")
class ReadinessEstimateTest {

    private static ReadinessEstimate.Work work(long asset, JobLanes.Lane lane, long cost) {
        return new ReadinessEstimate.Work(asset, lane, cost);
    }

    @Test
    @DisplayName("a short job goes to whichever worker frees first; a long one waits for the worker that takes any")
    void lanes() {
        Map<Long, Long> ready = ReadinessEstimate.readyAt(10, 100, Map.of(1L, 100L), List.of(
                work(2, JobLanes.Lane.LONG, 50), work(3, JobLanes.Lane.SHORT, 5), work(3, JobLanes.Lane.SHORT, 5)));

        assertThat(ready).containsEntry(1L, 100L).containsEntry(3L, 20L).containsEntry(2L, 150L);
    }

    @Test
    @DisplayName("long-lane work only: the short-only worker stays idle, jobs run one after another")
    void longOnly() {
        Map<Long, Long> ready = ReadinessEstimate.readyAt(0, 0, Map.of(), List.of(
                work(7, JobLanes.Lane.LONG, 10), work(7, JobLanes.Lane.LONG, 10), work(8, JobLanes.Lane.LONG, 30)));

        assertThat(ready).containsEntry(7L, 20L).containsEntry(8L, 50L);
    }

    @Test
    @DisplayName("an asset is ready when its last job ends, across both workers")
    void lastJobCounts() {
        Map<Long, Long> ready = ReadinessEstimate.readyAt(0, 0, Map.of(), List.of(
                work(4, JobLanes.Lane.SHORT, 10), work(4, JobLanes.Lane.SHORT, 30), work(4, JobLanes.Lane.SHORT, 5)));

        assertThat(ready).containsEntry(4L, 30L); // 10 on one worker then 5 (=15), 30 on the other
    }
}
