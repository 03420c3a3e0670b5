package vn.bantin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NonceCacheTest {

    private static final long T0 = 1_764_000_000_000L;

    @Test
    @DisplayName("a nonce is refused again inside the window and forgotten after it")
    void eviction() {
        NonceCache cache = new NonceCache(300_000, 100);

        assertThat(cache.checkAndRemember("d1", "n1", T0, T0)).isEqualTo(NonceCache.Outcome.FRESH);
        assertThat(cache.checkAndRemember("d1", "n1", T0, T0 + 300_000)).isEqualTo(NonceCache.Outcome.REPLAY);
        assertThat(cache.checkAndRemember("d2", "n1", T0, T0)).isEqualTo(NonceCache.Outcome.FRESH);
        assertThat(cache.size()).isEqualTo(2);

        cache.evictExpired(T0 + 300_001);
        assertThat(cache.size()).isZero();
        assertThat(cache.checkAndRemember("d1", "n1", T0 + 300_001, T0 + 300_001)).isEqualTo(NonceCache.Outcome.FRESH);
    }

    @Test
    @DisplayName("a nonce with a future timestamp is kept until that timestamp leaves the window")
    void futureTimestamp() {
        NonceCache cache = new NonceCache(300_000, 100);
        cache.checkAndRemember("d1", "n1", T0 + 200_000, T0);

        cache.evictExpired(T0 + 400_000);
        assertThat(cache.checkAndRemember("d1", "n1", T0 + 200_000, T0 + 400_000)).isEqualTo(NonceCache.Outcome.REPLAY);
    }

    @Test
    @DisplayName("memory is bounded per device: a flood is refused, never made replayable")
    void bounded() {
        NonceCache cache = new NonceCache(300_000, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.checkAndRemember("d1", "n" + i, T0, T0)).isEqualTo(NonceCache.Outcome.FRESH);
        }

        assertThat(cache.checkAndRemember("d1", "n3", T0, T0)).isEqualTo(NonceCache.Outcome.FULL);
        assertThat(cache.checkAndRemember("d1", "n0", T0, T0)).isEqualTo(NonceCache.Outcome.REPLAY);
        assertThat(cache.checkAndRemember("d1", "n3", T0 + 300_001, T0 + 300_001)).isEqualTo(NonceCache.Outcome.FRESH);
    }

    @Test
    @DisplayName("under concurrent use each nonce is accepted exactly once")
    void concurrent() throws Exception {
        NonceCache cache = new NonceCache(300_000, 100_000);
        AtomicInteger fresh = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        if (cache.checkAndRemember("d" + (i % 4), "n" + i, T0, T0) == NonceCache.Outcome.FRESH) {
                            fresh.incrementAndGet();
                        }
                        if (i % 500 == 0) {
                            cache.evictExpired(T0);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(fresh.get()).isEqualTo(2000);
    }
}
