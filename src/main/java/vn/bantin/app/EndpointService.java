package vn.bantin.app;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.media.MediaProfile;
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

    /** A code made for an endpoint, shown once, with the controller key fingerprint the agent checks. */
    public record IssuedCode(long endpointId, String code, long expiresAt, String controllerKeyFingerprint,
                             String controllerCaFingerprint) {
    }

    /**
     * A code made for an area, shown once: devices that enroll with it wait for approval in that area, seen by its
     * operators. {@code maxUses} devices at most, until {@code expiresAt}.
     */
    public record IssuedAreaCode(long areaId, String ref, String code, long expiresAt, int maxUses,
                                 String controllerKeyFingerprint, String controllerCaFingerprint) {
    }

    /** An area code that still lets devices in, as its issuers see it again: by {@code ref}, never the code. */
    /** {@code issuedByName}: the display name of the person who issued it ({@code createdBy} is their login). */
    public record AreaCodeView(long areaId, String ref, long expiresAt, int maxUses, int uses, String createdBy,
                               String issuedByName, long createdAt) {
    }

    private static final Duration CODE_LIFETIME = Duration.ofDays(7);
    private static final int MAX_AREA_CODE_USES = 500;
    private static final int MAX_AREA_CODE_DAYS = 30;

    private final Database db;
    private final EndpointRepository endpoints;
    private final EnrollmentCodeRepository codes;
    private final ChangeNotifier changes;
    private final Clock clock;
    private final List<LongConsumer> revokedListeners = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<Long, Long>> decidedListeners = new CopyOnWriteArrayList<>();
    private final AreaScope scope;
    private final String controllerKeyFingerprint;
    private final String controllerCaFingerprint;

    public EndpointService(Database db, EndpointRepository endpoints, EnrollmentCodeRepository codes,
                           ChangeNotifier changes, Clock clock, AreaScope scope, String controllerKeyFingerprint,
                           String controllerCaFingerprint) {
        this.controllerCaFingerprint = controllerCaFingerprint;
        this.scope = scope;
        this.controllerKeyFingerprint = controllerKeyFingerprint;
        this.db = db;
        this.endpoints = endpoints;
        this.codes = codes;
        this.changes = changes;
        this.clock = clock;
    }

    /** Called with the endpoint id right after a revocation is committed (open push streams are closed). */
    public void onRevoked(LongConsumer listener) {
        revokedListeners.add(listener);
    }

    /** Called after a waiting request was approved or rejected (committed): the endpoint, and the area it waited in. */
    public void onDecided(BiConsumer<Long, Long> listener) {
        decidedListeners.add(listener);
    }

    /** The endpoints placed in the actor's scope (unplaced ones only for a full scope). */
    public List<EndpointView> all(Actor actor) {
        return db.read(c -> {
            Map<Long, EndpointRepository.Liveness> live = endpoints.allLiveness(c);
            List<EndpointView> out = new java.util.ArrayList<>();
            Scope visible = scope.of(c, actor);
            for (Endpoint e : endpoints.all(c)) {
                if (visible.contains(e.areaId())) {
                    out.add(view(c, e, live.get(e.id())));
                }
            }
            return out;
        });
    }

    public EndpointView get(Actor actor, long id) {
        return db.read(c -> view(c, visible(c, actor, id), endpoints.liveness(c, id).orElseThrow()));
    }

    /** profileId null means the kind's default (SCREEN 1280×720, SPEAKER speech). */
    public EndpointView create(Actor actor, String name, String kindName, Long areaId, List<String> tags,
                               String profileId) {
        EndpointKind kind = kind(kindName);
        MediaProfile profile = profileId == null ? null : profile(kind, profileId);
        Set<String> cleanTags = cleanTags(tags);
        EndpointView created = db.tx(c -> {
            scope.require(c, actor, areaId);
            long id = endpoints.insert(c, name, kind, areaId, cleanTags, EndpointStatus.UNENROLLED, clock.millis());
            if (profile != null) {
                endpoints.setProfile(c, id, profile.id());
            }
            return view(c, endpoints.byId(c, id).orElseThrow(), endpoints.liveness(c, id).orElseThrow());
        });
        changes.scheduleChanged(ChangeScope.endpoints(created.endpoint().id()));
        return created;
    }

    /** For an UNENROLLED endpoint, or an ACTIVE one whose key the enrolling device then replaces. */
    public IssuedCode issueCode(Actor actor, long endpointId) {
        return db.tx(c -> {
            Endpoint e = visible(c, actor, endpointId);
            if (e.status() == EndpointStatus.REVOKED) {
                throw new ApiException(409, "revoked", "Thiết bị đã bị thu hồi / Endpoint is revoked");
            }
            return newCode(c, endpointId);
        });
    }

    /**
     * Forgets the endpoint's device key at once (the old device's next call is refused, its push stream closed)
     * and makes a code for the device that replaces it; also brings a revoked endpoint back.
     */
    public IssuedCode rekey(Actor actor, long endpointId) {
        IssuedCode code = db.tx(c -> {
            Endpoint e = visible(c, actor, endpointId);
            if (e.status() != EndpointStatus.ACTIVE && e.status() != EndpointStatus.REVOKED) {
                throw new ApiException(409, "no_key", "Chỉ đổi khóa được thiết bị đang hoạt động hoặc đã thu hồi (hiện: "
                        + e.status() + ") / Only an ACTIVE or REVOKED endpoint can be re-keyed (now " + e.status() + ")");
            }
            endpoints.clearKey(c, endpointId, EndpointStatus.UNENROLLED);
            return newCode(c, endpointId);
        });
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        revokedListeners.forEach(l -> l.accept(endpointId));
        return code;
    }

    private IssuedCode newCode(java.sql.Connection c, long endpointId) throws java.sql.SQLException {
        String code = EnrollmentCodes.newCode();
        long expiresAt = clock.millis() + CODE_LIFETIME.toMillis();
        codes.insert(c, EnrollmentCodes.hash(code), endpointId, expiresAt);
        return new IssuedCode(endpointId, code, expiresAt, controllerKeyFingerprint, controllerCaFingerprint);
    }

    /** For an area in the actor's scope (ADMIN, or that area's OPERATOR): 1-500 uses, valid 1-30 days. */
    public IssuedAreaCode issueAreaCode(Actor actor, long areaId, int maxUses, int validDays) {
        if (maxUses < 1 || maxUses > MAX_AREA_CODE_USES) {
            throw ApiException.badRequest("bad_max_uses", "Số lần dùng phải từ 1 đến " + MAX_AREA_CODE_USES
                    + " / maxUses must be 1-" + MAX_AREA_CODE_USES);
        }
        if (validDays < 1 || validDays > MAX_AREA_CODE_DAYS) {
            throw ApiException.badRequest("bad_valid_days", "Thời hạn phải từ 1 đến " + MAX_AREA_CODE_DAYS
                    + " ngày / validDays must be 1-" + MAX_AREA_CODE_DAYS);
        }
        return db.tx(c -> {
            scope.require(c, actor, areaId);
            String code = EnrollmentCodes.newCode();
            long now = clock.millis();
            long expiresAt = now + Duration.ofDays(validDays).toMillis();
            String hash = EnrollmentCodes.hash(code);
            codes.insertArea(c, hash, areaId, expiresAt, maxUses, actor.name(), now);
            return new IssuedAreaCode(areaId, EnrollmentCodes.ref(hash), code, expiresAt, maxUses,
                    controllerKeyFingerprint, controllerCaFingerprint);
        });
    }

    /** The area's codes that still let a device in, newest first: ADMIN, or that area's OPERATOR. */
    public List<AreaCodeView> activeAreaCodes(Actor actor, long areaId) {
        return db.read(c -> {
            scope.require(c, actor, areaId);
            return codes.activeInArea(c, areaId, clock.millis()).stream().map(a -> areaCodeView(areaId, a)).toList();
        });
    }

    /** Ends one of the area's codes now; devices that already enrolled with it keep their requests. */
    public AreaCodeView revokeAreaCode(Actor actor, long areaId, String ref) {
        if (ref == null || !ref.matches("[0-9a-f]{16}")) {
            throw ApiException.badRequest("bad_ref", "Mã tham chiếu của mã đăng ký gồm 16 chữ số hệ 16"
                    + " / an enrollment code's ref is 16 hex digits");
        }
        return db.tx(c -> {
            scope.require(c, actor, areaId);
            long now = clock.millis();
            EnrollmentCodeRepository.AreaCode code = codes.activeInArea(c, areaId, now).stream()
                    .filter(a -> EnrollmentCodes.ref(a.codeHash()).equals(ref)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("mã đăng ký đang dùng/active enrollment code", ref));
            codes.expireArea(c, code.codeHash(), now);
            return new AreaCodeView(areaId, ref, now, code.maxUses(), code.uses(), code.createdBy(),
                    code.createdByName(), code.createdAt());
        });
    }

    private static AreaCodeView areaCodeView(long areaId, EnrollmentCodeRepository.AreaCode a) {
        return new AreaCodeView(areaId, EnrollmentCodes.ref(a.codeHash()), a.expiresAt(), a.maxUses(), a.uses(),
                a.createdBy(), a.createdByName(), a.createdAt());
    }

    /** Refuses a waiting enrollment request: the key is kept as REVOKED, so it cannot ask again. */
    public EndpointView reject(Actor actor, long endpointId) {
        Decided rejected = db.tx(c -> {
            Endpoint e = visible(c, actor, endpointId);
            if (e.status() != EndpointStatus.PENDING) {
                throw notPending(e);
            }
            endpoints.setStatus(c, endpointId, EndpointStatus.REVOKED);
            return new Decided(view(c, endpoints.byId(c, endpointId).orElseThrow(),
                    endpoints.liveness(c, endpointId).orElseThrow()), e.areaId());
        });
        revokedListeners.forEach(l -> l.accept(endpointId));
        decidedListeners.forEach(l -> l.accept(endpointId, rejected.waitedIn()));
        return rejected.view();
    }

    /** A decided request: the endpoint now, and the area it waited in. */
    private record Decided(EndpointView view, Long waitedIn) {
    }

    private static ApiException notPending(Endpoint e) {
        return new ApiException(409, "not_pending", "Chỉ duyệt hoặc từ chối được thiết bị đang chờ (hiện: " + e.status()
                + ") / Only a PENDING endpoint can be approved or rejected (now " + e.status() + ")");
    }

    public EndpointView approve(Actor actor, long endpointId, Long areaId) {
        Decided approved = db.tx(c -> {
            Endpoint e = visible(c, actor, endpointId);
            if (e.status() != EndpointStatus.PENDING) {
                throw notPending(e);
            }
            if (areaId != null) {
                scope.require(c, actor, areaId);
                endpoints.setArea(c, endpointId, areaId);
            }
            endpoints.setStatus(c, endpointId, EndpointStatus.ACTIVE);
            return new Decided(view(c, endpoints.byId(c, endpointId).orElseThrow(),
                    endpoints.liveness(c, endpointId).orElseThrow()), e.areaId());
        });
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        decidedListeners.forEach(l -> l.accept(endpointId, approved.waitedIn()));
        return approved.view();
    }

    public EndpointView revoke(Actor actor, long endpointId) {
        EndpointView revoked = db.tx(c -> {
            visible(c, actor, endpointId);
            endpoints.setStatus(c, endpointId, EndpointStatus.REVOKED);
            return view(c, endpoints.byId(c, endpointId).orElseThrow(), endpoints.liveness(c, endpointId).orElseThrow());
        });
        changes.scheduleChanged(ChangeScope.endpoints(endpointId));
        revokedListeners.forEach(l -> l.accept(endpointId));
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

    static Set<String> cleanTags(List<String> tags) {
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

    private EndpointView view(java.sql.Connection c, Endpoint e, EndpointRepository.Liveness live)
            throws java.sql.SQLException {
        MediaProfile profile = MediaProfile.of(e.kind(), endpoints.profileOf(c, e.id()));
        return new EndpointView(e, live == null ? null : live.deviceId(), live == null ? null : live.lastSeenAt(),
                live == null ? null : live.lastHeartbeatJson(), profile.id());
    }

    /** Sets which rendition the endpoint downloads; the profile must be one for its kind. */
    public EndpointView setProfile(Actor actor, long endpointId, String profileId) {
        EndpointView updated = db.tx(c -> {
            Endpoint e = visible(c, actor, endpointId);
            endpoints.setProfile(c, endpointId, profile(e.kind(), profileId).id());
            return view(c, e, endpoints.liveness(c, endpointId).orElseThrow());
        });
        changes.scheduleChanged();
        return updated;
    }

    static MediaProfile profile(EndpointKind kind, String raw) {
        return MediaProfile.byId(raw == null ? "" : raw.trim()).filter(p -> p.endpointKind() == kind)
                .orElseThrow(() -> ApiException.badRequest("bad_profile", "Cấu hình phát không hợp lệ cho " + kind
                        + ", chọn một trong " + profileIds(kind) + " / Unknown profile for a " + kind
                        + "; one of " + profileIds(kind)));
    }

    private static String profileIds(EndpointKind kind) {
        return java.util.Arrays.stream(MediaProfile.values()).filter(p -> p.endpointKind() == kind)
                .map(MediaProfile::id).toList().toString();
    }

    /** The endpoint if it exists and is placed in the actor's scope, else 404. */
    private Endpoint visible(java.sql.Connection c, Actor actor, long id) throws java.sql.SQLException {
        Endpoint e = endpoints.byId(c, id).orElseThrow(() -> notFound(id));
        AreaScope.requireVisible(scope.of(c, actor), e.areaId(), "thiết bị/endpoint", id);
        return e;
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("thiết bị/endpoint", id);
    }
}
