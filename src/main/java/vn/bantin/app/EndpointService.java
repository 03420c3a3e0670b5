package vn.bantin.app;

import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.EnrollmentCodeRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class EndpointService {

    /** A code made for an endpoint, shown once. */
    public record IssuedCode(long endpointId, String code, long expiresAt) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofDays(7);

    private final Database db;
    private final EndpointRepository endpoints;
    private final AreaRepository areas;
    private final EnrollmentCodeRepository codes;
    private final ChangeNotifier changes;
    private final Clock clock;

    public EndpointService(Database db, EndpointRepository endpoints, AreaRepository areas,
                           EnrollmentCodeRepository codes, ChangeNotifier changes, Clock clock) {
        this.db = db;
        this.endpoints = endpoints;
        this.areas = areas;
        this.codes = codes;
        this.changes = changes;
        this.clock = clock;
    }

    public List<EndpointView> all() {
        return db.read(c -> {
            Map<Long, EndpointRepository.Liveness> live = endpoints.allLiveness(c);
            return endpoints.all(c).stream().map(e -> view(e, live.get(e.id()))).toList();
        });
    }

    public EndpointView get(long id) {
        return db.read(c -> view(endpoints.byId(c, id).orElseThrow(() -> notFound(id)),
                endpoints.liveness(c, id).orElseThrow()));
    }

    public EndpointView create(String name, String kindName, Long areaId, List<String> tags) {
        EndpointKind kind = kind(kindName);
        Set<String> cleanTags = cleanTags(tags);
        EndpointView created = db.tx(c -> {
            if (areaId != null && areas.byId(c, areaId).isEmpty()) {
                throw ApiException.notFound("khu vực/area", areaId);
            }
            long id = endpoints.insert(c, name, kind, areaId, cleanTags, EndpointStatus.UNENROLLED, clock.millis());
            return view(endpoints.byId(c, id).orElseThrow(), endpoints.liveness(c, id).orElseThrow());
        });
        changes.scheduleChanged(ChangeScope.endpoints(created.endpoint().id()));
        return created;
    }

    public IssuedCode issueCode(long endpointId) {
        String code = EnrollmentCodes.newCode();
        long expiresAt = clock.millis() + CODE_LIFETIME.toMillis();
        db.tx(c -> {
            Endpoint e = endpoints.byId(c, endpointId).orElseThrow(() -> notFound(endpointId));
            if (e.status() == EndpointStatus.REVOKED) {
                throw new ApiException(409, "revoked", "Thiết bị đã bị thu hồi / Endpoint is revoked");
            }
            codes.insert(c, EnrollmentCodes.hash(code), endpointId, expiresAt);
            return null;
        });
        return new IssuedCode(endpointId, code, expiresAt);
    }

    public EndpointView approve(long endpointId, Long areaId) {
        EndpointView approved = db.tx(c -> {
            Endpoint e = endpoints.byId(c, endpointId).orElseThrow(() -> notFound(endpointId));
            if (e.status() != EndpointStatus.PENDING) {
                throw new ApiException(409, "not_pending", "Chỉ duyệt được thiết bị đang chờ (hiện: " + e.status()
                        + ") / Only a PENDING endpoint can be approved (now " + e.status() + ")");
            }
            if (areaId != null) {
                areas.byId(c, areaId).orElseThrow(() -> ApiException.notFound("khu vực/area", areaId));
                endpoints.setArea(c, endpointId, areaId);
            }
            endpoints.setStatus(c, endpointId, EndpointStatus.ACTIVE);
            return view(endpoints.byId(c, endpointId).orElseThrow(), endpoints.liveness(c, endpointId).orElseThrow());
        });
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        return approved;
    }

    public EndpointView revoke(long endpointId) {
        EndpointView revoked = db.tx(c -> {
            endpoints.byId(c, endpointId).orElseThrow(() -> notFound(endpointId));
            endpoints.setStatus(c, endpointId, EndpointStatus.REVOKED);
            return view(endpoints.byId(c, endpointId).orElseThrow(), endpoints.liveness(c, endpointId).orElseThrow());
        });
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        return revoked;
    }

    static EndpointKind kind(String raw) {
        try {
            return EndpointKind.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("bad_kind", "Loại thiết bị phải là SCREEN hoặc SPEAKER / kind must be"
                    + " SCREEN or SPEAKER");
        }
    }

    private static Set<String> cleanTags(List<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String tag = t.trim();
            if (tag.isEmpty() || tag.length() > 100) {
                throw ApiException.badRequest("bad_tag", "Nhãn rỗng hoặc quá dài / Tags must be 1-100 characters");
            }
            out.add(tag);
        }
        return out;
    }

    private static EndpointView view(Endpoint e, EndpointRepository.Liveness live) {
        return new EndpointView(e, live == null ? null : live.deviceId(), live == null ? null : live.lastSeenAt(),
                live == null ? null : live.lastHeartbeatJson());
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("thiết bị/endpoint", id);
    }
}
