package vn.bantin.app.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.bantin.app.SignedTimeline;
import vn.bantin.store.Database;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.TimelineFetchRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Logs every timeline an endpoint's device received, read from the exact signed bytes it was sent, and marks
 * the expected plays it held that were still ahead as delivered. An expected play never delivered before it
 * ended is "not delivered": the endpoint could not have played it. A live session's STREAM entry is delivered by
 * its id, as a bulletin is (it is one expected broadcast, {@link LivePlan}).
 */
public final class TimelineDeliveries {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final TimelineFetchRepository fetches;
    private final ExpectedPlayRepository expected;
    private final Clock clock;

    public TimelineDeliveries(Database db, TimelineFetchRepository fetches, ExpectedPlayRepository expected,
                              Clock clock) {
        this.db = db;
        this.fetches = fetches;
        this.expected = expected;
        this.clock = clock;
    }

    public void fetched(long endpointId, String deviceId, SignedTimeline timeline) {
        JsonNode body;
        try {
            body = JSON.readTree(timeline.body());
        } catch (IOException e) {
            throw new UncheckedIOException("our own timeline body does not parse", e);
        }
        List<String> once = new ArrayList<>();
        List<long[]> loops = new ArrayList<>();
        for (JsonNode entry : body.path("entries")) {
            boolean live = entry.path("stream").path("liveSessionId").canConvertToLong();
            if (!"ONCE".equals(entry.path("mode").asText()) && !live) {
                loops.add(new long[] {entry.path("campaignId").asLong(), entry.path("start").asLong(),
                        entry.path("end").asLong()});
            } else {
                once.add(entry.path("id").asText());
            }
        }
        long now = clock.millis();
        db.tx(c -> {
            fetches.insert(c, new TimelineFetchRepository.Fetch(endpointId, deviceId, timeline.version(),
                    timeline.etag(), body.path("from").asLong(), body.path("to").asLong(), body.path("entries").size(),
                    now));
            expected.delivered(c, endpointId, now, once, loops);
            return null;
        });
    }
}
