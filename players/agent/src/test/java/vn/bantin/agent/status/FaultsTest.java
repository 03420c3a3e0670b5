package vn.bantin.agent.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void theHeartbeatIsAskedForWhenAConditionStartsOrClearsButNotWhileItHoldsOrForAHappening() {
        Faults faults = new Faults(() -> 1_000L);
        AtomicInteger asked = new AtomicInteger();
        faults.onActiveChange(asked::incrementAndGet);

        faults.raise("disk_full", "3 records in memory");
        faults.raise("disk_full", "4 records in memory");
        assertThat(asked).as("started once, still holding").hasValue(1);

        faults.event("unsigned_answer", "ignored");
        assertThat(asked).as("a happening waits for the next heartbeat").hasValue(1);

        faults.clear("disk_full");
        faults.clear("disk_full");
        assertThat(asked).as("cleared once").hasValue(2);
        assertThat(faults.snapshot()).extracting(Faults.Fault::code, Faults.Fault::active)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unsigned_answer", false),
                        org.assertj.core.groups.Tuple.tuple("disk_full", false));
    }
}
