package vn.bantin.app.evidence;

import vn.bantin.app.report.ReportRollups;
import vn.bantin.domain.Area;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.ExpectedPlay;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.report.ExpectedItem;
import vn.bantin.evidence.report.LiveRow;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.RollupKey;
import vn.bantin.schedule.LiveOverlay;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.NameRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records live microphone sessions in the plan as they happen (issue 11 §3): from the moment a session goes on air,
 * one expected broadcast on every endpoint that took it, on the session's own report row ("Phát trực tiếp: … — người
 * nói: …", the speaker by display name as it was then), so reports count it like a bulletin. An endpoint that was
 * offline when the session opened is expected
 * with that reason from the start; one in quiet hours refused a non-emergency session and is not expected (the
 * session names it, with the reason). A session that never went on air broadcast nothing and expects nothing. What a
 * session takes of the endpoints' LOOP and relay windows is counted again at each change (its end moves).
 */
public final class LivePlan {

    private final Database db;
    private final AreaRepository areas;
    private final ExpectedPlayRepository expected;
    private final ReportRollups rollups;
    private final Clock clock;
    private final Duration maxOnAir;
    private final NameRepository speakers = new NameRepository();

    public LivePlan(Database db, AreaRepository areas, ExpectedPlayRepository expected, ReportRollups rollups,
                    Clock clock, Duration maxOnAir) {
        this.db = db;
        this.areas = areas;
        this.expected = expected;
        this.rollups = rollups;
        this.clock = clock;
        this.maxOnAir = maxOnAir;
    }

    /** Told of every change of a session: records what it expects (idempotent; only the end of an entry moves). */
    public void changed(LiveSession s) {
        if (s.epochMs() == null) {
            return;
        }
        long start = s.epochMs();
        long end = s.endedAt() != null ? Math.max(s.endedAt(), start + 1) : start + maxOnAir.toMillis();
        long now = clock.millis();
        db.tx(c -> {
            String name = LiveRow.name(s.title(), speakers.liveSpeaker(c, s.id()).orElse(s.startedBy()));
            Map<Long, String> areaNames = areas.all(c).stream().collect(Collectors.toMap(Area::id, Area::name));
            List<ExpectedPlay> named = new ArrayList<>();
            for (Reach r : s.endpoints()) {
                if (r.state() == EndpointState.REFUSED) {
                    continue;
                }
                String entryId = LiveOverlay.entryId(r.endpointId(), s.id());
                ExpectedPlay play = new ExpectedPlay(r.endpointId(), entryId, SlotMode.ONCE, false,
                        RollupKey.liveSession(s.id()), null, s.broadcastClass(), start, end, AssetKind.AUDIO, null,
                        new PlayNames(name, null, r.name(), r.areaId(),
                                r.areaId() == null ? null : areaNames.get(r.areaId()), LiveRow.TOPIC), null);
                PlanReason reason = r.state() == EndpointState.OFFLINE ? PlanReason.OFFLINE : null;
                if (expected.recordLive(c, play, reason, now)) {
                    rollups.liveExpected(c, new ExpectedItem(r.endpointId(), entryId, play.campaignId(),
                            SlotMode.ONCE, start, end, Map.of(AssetKind.AUDIO, end - start), reason));
                    named.add(play);
                }
                rollups.liveAirChanged(c, r.endpointId(), start, Math.max(end, start + maxOnAir.toMillis()));
            }
            rollups.planNamed(c, start, named);
            return null;
        });
    }
}
