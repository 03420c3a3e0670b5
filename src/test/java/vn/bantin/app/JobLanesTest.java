package vn.bantin.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Media job lanes: a long job cannot starve short ones; what is needed first runs first")
class JobLanesTest {

    private final Map<Long, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<Long, CountDownLatch> started = new ConcurrentHashMap<>();
    private final List<Long> ran = new CopyOnWriteArrayList<>();

    private void run(JobLanes.Queued job) {
        ran.add(job.jobId());
        started.computeIfAbsent(job.jobId(), k -> new CountDownLatch(1)).countDown();
        CountDownLatch gate = gates.get(job.jobId());
        if (gate != null) {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean awaitStart(long jobId) throws InterruptedException {
        return started.computeIfAbsent(jobId, k -> new CountDownLatch(1)).await(20, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("while a long job holds one worker and another long one waits, short jobs still run")
    void longJobsTakeOneWorkerOnly() throws Exception {
        gates.put(1L, new CountDownLatch(1));
        try (JobLanes lanes = new JobLanes(ids -> Map.of(), this::run)) {
            lanes.offer(new JobLanes.Queued(1, 100, JobLanes.Lane.LONG));
            assertThat(awaitStart(1)).isTrue();
            lanes.offer(new JobLanes.Queued(2, 101, JobLanes.Lane.LONG));
            lanes.offer(new JobLanes.Queued(3, 102, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(4, 102, JobLanes.Lane.SHORT));
            assertThat(awaitStart(3)).isTrue();
            assertThat(awaitStart(4)).isTrue();
            assertThat(lanes.order()).containsExactly(2L);
            gates.get(1L).countDown();
            assertThat(awaitStart(2)).isTrue();
        }
    }

    @Test
    @DisplayName("an alert's asset first, then the soonest slot, then arrival order; needs looked up at each pick")
    void orderedByNeed() throws Exception {
        gates.put(10L, new CountDownLatch(1));
        gates.put(11L, new CountDownLatch(1));
        Map<Long, Long> needs = new ConcurrentHashMap<>(Map.of(202L, 5_000L, 203L, 0L, 204L, 1_000L));
        try (JobLanes lanes = new JobLanes(ids -> filtered(needs, ids), this::run)) {
            lanes.offer(new JobLanes.Queued(10, 900, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(11, 901, JobLanes.Lane.SHORT));
            assertThat(awaitStart(10) && awaitStart(11)).isTrue();
            lanes.offer(new JobLanes.Queued(1, 201, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(2, 202, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(3, 203, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(4, 204, JobLanes.Lane.SHORT));
            lanes.offer(new JobLanes.Queued(5, 205, JobLanes.Lane.SHORT));
            assertThat(lanes.order()).containsExactly(3L, 4L, 2L, 1L, 5L);
            needs.put(205L, 500L);
            assertThat(lanes.order()).containsExactly(3L, 5L, 4L, 2L, 1L);
            gates.get(10L).countDown();
            for (long id : List.of(1L, 2L, 3L, 4L, 5L)) {
                assertThat(awaitStart(id)).isTrue();
            }
            assertThat(ran.subList(2, 7)).containsExactly(3L, 5L, 4L, 2L, 1L);
            gates.get(11L).countDown();
        }
    }

    private static Map<Long, Long> filtered(Map<Long, Long> needs, Set<Long> ids) {
        Map<Long, Long> out = new ConcurrentHashMap<>();
        ids.forEach(id -> {
            if (needs.containsKey(id)) {
                out.put(id, needs.get(id));
            }
        });
        return out;
    }
}
