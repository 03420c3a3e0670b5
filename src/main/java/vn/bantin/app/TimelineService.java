package vn.bantin.app;

import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.media.MediaProfile;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.schedule.AffectedEndpoints;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.schedule.CompiledSchedule;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;
import vn.bantin.schedule.TimelineJson;
import vn.bantin.security.TimelineSigner;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.MediaRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compiles, signs and caches each endpoint's timeline. A schedule change drops the cached timelines
 * of the endpoints it reaches (by the compiler's targeting) and only those; their next pull
 * recompiles, and listeners learn which endpoints were reached. The window starts at the current UTC day, so the bytes stay the same all day
 * for the same inputs (compilation is deterministic), and ETags only change when something did.
 */
public final class TimelineService implements ChangeNotifier {

    private record Cached(long generation, long endpointGeneration, long fromMs, SignedTimeline timeline) {
    }

    private final Database db;
    private final AreaRepository areas;
    private final EndpointRepository endpoints;
    private final CampaignRepository campaigns;
    private final AlertRepository alerts;
    private final MediaRepository media;
    private final ReportRollups rollups;
    private final Function<byte[], String> signer;
    private final TimelineSerials serials;
    private final Clock clock;
    private final Duration horizon;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, Long> endpointGenerations = new ConcurrentHashMap<>();
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();
    private final Map<Long, Timeline> lastCompiled = new ConcurrentHashMap<>();
    private final List<Consumer<Set<Long>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Overlay> overlays = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<ChangeScope, Set<Long>>> planListeners = new CopyOnWriteArrayList<>();

    public TimelineService(Database db, AreaRepository areas, EndpointRepository endpoints,
                           CampaignRepository campaigns, AlertRepository alerts,
                           MediaRepository media, ReportRollups rollups,
                           Function<byte[], String> signer, TimelineSerials serials, Clock clock,
                           Duration horizon) {
        this.db = db;
        this.areas = areas;
        this.endpoints = endpoints;
        this.campaigns = campaigns;
        this.alerts = alerts;
        this.media = media;
        this.rollups = rollups;
        this.signer = signer;
        this.serials = serials;
        this.clock = clock;
        this.horizon = horizon;
    }

    /** Called after every change with the ids of the endpoints it reached, e.g. to push "pull now" to them. */
    public void onAffected(Consumer<Set<Long>> listener) {
        listeners.add(listener);
    }

    /** Called after every change, before the {@link #onAffected} listeners: the plan is recorded before agents pull. */
    public void onPlanChanged(BiConsumer<ChangeScope, Set<Long>> listener) {
        planListeners.add(listener);
    }

    @Override
    public void scheduleChanged(ChangeScope scope) {
        rollups.forgetEndpoints();
        Set<Long> affected = affectedBy(scope);
        if (scope.everything()) {
            generation.incrementAndGet();
            cache.clear();
        } else {
            for (long id : affected) {
                endpointGenerations.merge(id, 1L, Long::sum);
                cache.remove(id);
            }
        }
        planListeners.forEach(l -> l.accept(scope, affected));
        listeners.forEach(l -> l.accept(affected));
    }

    /** The endpoints a change reaches, sorted. */
    public Set<Long> affectedBy(ChangeScope scope) {
        return db.read(c -> AffectedEndpoints.of(scope, areas.all(c), endpoints.all(c), campaigns.all(c)));
    }

    public SignedTimeline signedFor(long endpointId) {
        long from = windowStart();
        long gen = generation.get();
        long endpointGen = endpointGenerations.getOrDefault(endpointId, 0L);
        Cached hit = cache.get(endpointId);
        if (hit != null && hit.generation() == gen && hit.endpointGeneration() == endpointGen
                && hit.fromMs() == from) {
            return hit.timeline();
        }
        SignedTimeline fresh = compileAndSign(endpointId, from);
        cache.put(endpointId, new Cached(gen, endpointGen, from, fresh));
        return fresh;
    }

    /** The entry with this id in the timeline last compiled for the endpoint, without compiling. */
    public Optional<TimelineEntry> lastCompiledEntry(long endpointId, String entryId) {
        Timeline timeline = lastCompiled.get(endpointId);
        return timeline == null || entryId == null ? Optional.empty()
                : timeline.entries().stream().filter(e -> e.id().equals(entryId)).findFirst();
    }

    /** The timeline last compiled for the endpoint (the one its device was given), without compiling. */
    public Optional<Timeline> lastCompiled(long endpointId) {
        return Optional.ofNullable(lastCompiled.get(endpointId));
    }

    /** The compiled timeline of an endpoint, for previews. */
    public Timeline preview(long endpointId) {
        return compile(endpointId, windowStart()).timelines().get(endpointId);
    }

    private SignedTimeline compileAndSign(long endpointId, long from) {
        CompiledSchedule compiled = compile(endpointId, from);
        Timeline timeline = compiled.timelines().get(endpointId);
        lastCompiled.put(endpointId, timeline);
        String deviceId = db.read(c -> endpoints.deviceOf(c, endpointId)).map(d -> d.deviceId()).orElse(null);
        String version = TimelineJson.version(timeline);
        long serial = serials.serialFor(endpointId, deviceId, timeline.fromMs(), timeline.toMs(), version);
        byte[] body = TimelineJson.toWireBytes(deviceId, serial, timeline);
        return new SignedTimeline(body, signer.apply(body), TimelineSigner.etag(body), version);
    }

    private CompiledSchedule compile(long endpointId, long from) {
        long to = from + horizon.plus(Duration.ofDays(1)).toMillis();
        return db.read(c -> {
            Endpoint endpoint = endpoints.byId(c, endpointId)
                    .orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", endpointId));
            List<Endpoint> targets = endpoint.status() == EndpointStatus.ACTIVE ? List.of(endpoint)
                    : List.of(inactive(endpoint));
            MediaProfile profile = MediaProfile.of(endpoint.kind(), endpoints.profileOf(c, endpointId));
            var renditions = media.renditionsFor(c, profile.id());
            List<Campaign> playable = RenditionSwap.apply(campaigns.all(c), endpoint.kind(), renditions);
            CompiledSchedule compiled = TimelineCompiler.compile(new ScheduleInput(areas.all(c), targets, playable,
                    RenditionSwap.applyToAlerts(alerts.onAirAfter(c, from), renditions), from, to));
            Timeline timeline = compiled.timelines().get(endpointId);
            for (Overlay overlay : overlays) {
                timeline = overlay.apply(c, timeline);
            }
            return new CompiledSchedule(Map.of(endpointId, timeline), compiled.conflicts());
        });
    }

    /** A last step over one endpoint's compiled timeline, inside the compilation's read (live sessions). */
    public interface Overlay {
        Timeline apply(Connection c, Timeline timeline) throws SQLException;
    }

    public void addOverlay(Overlay overlay) {
        overlays.add(overlay);
    }

    /** A revoked or pending endpoint compiles to an empty timeline: it is targeted by nothing. */
    private static Endpoint inactive(Endpoint e) {
        return new Endpoint(e.id(), e.name(), e.kind(), null, java.util.Set.of(), e.status());
    }

    private long windowStart() {
        return Instant.ofEpochMilli(clock.millis()).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
    }

}
