package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Permission;
import vn.bantin.access.Scope;
import vn.bantin.domain.Alert;
import vn.bantin.domain.AlertStatus;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.Targets;
import vn.bantin.schedule.AlertOverlay;
import vn.bantin.schedule.AreaTree;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AlertReviewRepository;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.StoredAsset;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Emergency alerts: issued and cancelled by the admin token alone (an emergency cannot wait for an
 * approval), recorded with who and when. Each change recompiles timelines and pushes to the targets.
 */
public final class AlertService {

    /** An alert issued for "now" starts this much later, so every target has pulled and starts it together. */
    public static final Duration LEAD = Duration.ofSeconds(2);
    static final Duration DEFAULT_IMAGE_DURATION = Duration.ofSeconds(30);
    private static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);
    private static final int MAX_REPEAT = 100;

    private final Database db;
    private final AlertRepository alerts;
    private final AssetRepository assets;
    private final AreaRepository areas;
    private final TargetCheck targetCheck;
    private final EndpointRepository endpoints;
    private final ChangeNotifier changes;
    private final PushHub push;
    private final Clock clock;
    private final AreaScope scope;
    private final AlertReviewRepository reviews;
    private final List<BiConsumer<Alert, List<Long>>> announced = new CopyOnWriteArrayList<>();

    public AlertService(Database db, AlertRepository alerts, AssetRepository assets, AreaRepository areas,
                        EndpointRepository endpoints, ChangeNotifier changes, PushHub push, Clock clock,
                        AreaScope scope, AlertReviewRepository reviews) {
        this.scope = scope;
        this.reviews = reviews;
        this.db = db;
        this.alerts = alerts;
        this.assets = assets;
        this.areas = areas;
        this.endpoints = endpoints;
        this.targetCheck = new TargetCheck(areas, endpoints);
        this.changes = changes;
        this.push = push;
        this.clock = clock;
    }

    /** The alerts owned by an area in the actor's scope. */
    public List<Alert> all(Actor actor) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            return alerts.all(c).stream().filter(a -> visible.contains(a.targets().withinAreaId())).toList();
        });
    }

    public Alert get(Actor actor, long id) {
        return db.read(c -> visible(c, actor, id));
    }

    /**
     * An alert of the actor's area, reaching only endpoints in it, on air at once: emergencies do not wait.
     * One fired by someone who may not approve content (an OPERATOR) is flagged for review afterwards.
     */
    public Alert create(Actor actor, AlertDraft draft) {
        long now = clock.millis();
        Alert created = db.tx(c -> {
            long id = alerts.insert(c, validate(c, scope.of(c, actor), actor, draft, now));
            if (!actor.can(Permission.CONTENT_APPROVE)) {
                reviews.flag(c, id);
            }
            return alerts.byId(c, id).orElseThrow();
        });
        announce(created);
        return created;
    }

    public Alert cancel(Actor actor, long id, String by) {
        long now = clock.millis();
        Alert cancelled = db.tx(c -> {
            Alert alert = visible(c, actor, id);
            if (!alerts.cancel(c, id, now, label(by, actor))) {
                throw new ApiException(409, "already_cancelled", "Cảnh báo " + alert.id() + " đã bị hủy / alert "
                        + alert.id() + " is already cancelled");
            }
            return alerts.byId(c, id).orElseThrow();
        });
        announce(cancelled);
        return cancelled;
    }

    /** Timelines first (so the pull that a push causes sees the change), then the alert's own push. */
    private void announce(Alert alert) {
        changes.scheduleChanged();
        List<Long> reached = reached(alert);
        push.alert(alert.id(), alert.status().name(), reached);
        announced.forEach(l -> l.accept(alert, reached));
    }

    /** Told of each issued or cancelled alert with the endpoints it reaches (the live hub tracks delivery). */
    public void onAnnounced(BiConsumer<Alert, List<Long>> listener) {
        announced.add(listener);
    }

    private List<Long> reached(Alert alert) {
        return db.read(c -> {
            AreaTree tree = new AreaTree(areas.all(c));
            return endpoints.all(c).stream()
                    .filter(e -> alert.assetFor(e.kind()).isPresent())
                    .filter(e -> AlertOverlay.targets(alert.targets(), e, tree))
                    .map(Endpoint::id).toList();
        });
    }

    private Alert visible(Connection c, Actor actor, long id) throws SQLException {
        Alert alert = alerts.byId(c, id).orElseThrow(() -> ApiException.notFound("cảnh báo/alert", id));
        AreaScope.requireVisible(scope.of(c, actor), alert.targets().withinAreaId(), "cảnh báo/alert", id);
        return alert;
    }

    private Alert validate(Connection c, Scope visible, Actor actor, AlertDraft d, long now) throws SQLException {
        if (d.title() == null || d.title().isBlank() || d.title().length() > 300) {
            throw bad("bad_title", "Cảnh báo cần tiêu đề (tối đa 300 ký tự) / title is required (at most 300"
                    + " characters)");
        }
        if (d.audioAssetId() == null && d.visualAssetId() == null) {
            throw bad("no_asset", "Cảnh báo cần tệp âm thanh (cho loa) hoặc video/ảnh (cho màn hình) / an alert"
                    + " needs audioAssetId (speakers) or visualAssetId (screens)");
        }
        Asset audio = d.audioAssetId() == null ? null : asset(c, visible, d.audioAssetId(), "audioAssetId", now);
        if (audio != null && audio.kind() != AssetKind.AUDIO) {
            throw bad("wrong_asset_kind", "Tệp " + audio.id() + " không phải âm thanh / audioAssetId "
                    + audio.id() + " is " + audio.kind() + ", not AUDIO");
        }
        Asset visual = d.visualAssetId() == null ? null : asset(c, visible, d.visualAssetId(), "visualAssetId", now);
        if (visual != null && visual.kind() == AssetKind.AUDIO) {
            throw bad("wrong_asset_kind", "Tệp " + visual.id() + " không phải video hay ảnh / visualAssetId "
                    + visual.id() + " is AUDIO, not VIDEO or IMAGE");
        }
        long imageMs = imageDuration(d.imageSeconds(), audio);
        long longest = Math.max(audio == null ? 0 : audio.durationMs(),
                visual == null ? 0 : visual.kind() == AssetKind.IMAGE ? imageMs : visual.durationMs());
        int repeat = repeat(d.repeat());
        long intervalMs = interval(d.intervalSeconds(), repeat, longest);
        long start = start(d.startAt(), now);
        Long end = d.endAt() == null ? null : instant("endAt", d.endAt());
        if (end != null && end <= start) {
            throw bad("bad_end", "Thời điểm kết thúc phải sau thời điểm bắt đầu / endAt must be after the start ("
                    + Instant.ofEpochMilli(start) + ")");
        }
        int volume = d.volume() == null ? 100 : d.volume().intValue();
        if (volume < 0 || volume > 100) {
            throw bad("bad_volume", "Âm lượng phải từ 0 đến 100 / volume must be 0-100");
        }
        String by = label(d.issuedBy(), actor);
        Targets targets = targetCheck.existing(c, "Cảnh báo", visible, actor.areaId(), d.areaIds(), d.tags(),
                d.endpointIds());
        return new Alert(0, d.title().trim(), targets, audio, visual, imageMs, start, repeat, intervalMs, end,
                volume, AlertStatus.ACTIVE, now, by, null, null);
    }

    /** Who the alert is issued or cancelled by, as shown (e.g. "Chủ tịch xã"); the acting person by default. */
    private static String label(String given, Actor actor) {
        String by = given == null || given.isBlank() ? actor.name() : given.trim();
        if (by.length() > 200) {
            throw bad("bad_issued_by", "issuedBy tối đa 200 ký tự / issuedBy is at most 200 characters");
        }
        return by;
    }

    private Asset asset(Connection c, Scope visible, long id, String field, long now) throws SQLException {
        Asset asset = assets.byId(c, id).filter(s -> visible.contains(s.areaId())).map(StoredAsset::asset)
                .orElseThrow(() -> bad("unknown_asset", "Không có tệp " + id + " / " + field + ": unknown asset "
                        + id));
        if (asset.expiresAt() != null && !Instant.ofEpochMilli(now).isBefore(asset.expiresAt())) {
            throw bad("asset_expired", "Tệp " + id + " đã hết hạn / " + field + ": asset " + id + " has expired");
        }
        return asset;
    }

    private static long imageDuration(Long seconds, Asset audio) {
        if (seconds == null) {
            return audio != null ? audio.durationMs() : DEFAULT_IMAGE_DURATION.toMillis();
        }
        if (seconds < 1 || seconds > 3600) {
            throw bad("bad_image_seconds", "imageSeconds phải từ 1 đến 3600 / imageSeconds must be 1-3600");
        }
        return seconds * 1000;
    }

    private static int repeat(Long raw) {
        if (raw == null) {
            return 1;
        }
        if (raw < 1 || raw > MAX_REPEAT) {
            throw bad("bad_repeat", "Số lần phát phải từ 1 đến " + MAX_REPEAT + " / repeat must be 1-" + MAX_REPEAT);
        }
        return raw.intValue();
    }

    private static long interval(Long seconds, int repeat, long longestMs) {
        if (seconds == null) {
            if (repeat > 1) {
                throw bad("bad_interval", "Phát lặp cần intervalSeconds / repeat > 1 needs intervalSeconds");
            }
            return longestMs;
        }
        if (seconds * 1000 < longestMs || seconds > 86_400) {
            long needed = (longestMs + 999) / 1000;
            throw bad("bad_interval", "Khoảng cách giữa hai lần phát (" + seconds + " s) phải từ thời lượng nội"
                    + " dung (" + needed + " s) đến 86400 s / intervalSeconds must be at least"
                    + " the item duration (" + needed + " s) and at most 86400");
        }
        return seconds * 1000;
    }

    /** Now plus the lead when absent or (by less than a minute) in the past; further in the past is refused. */
    private static long start(String raw, long now) {
        long earliest = now + LEAD.toMillis();
        if (raw == null) {
            return earliest;
        }
        long start = instant("startAt", raw);
        if (start < now - PAST_TOLERANCE.toMillis()) {
            throw bad("bad_start", "Thời điểm bắt đầu đã qua / startAt " + raw + " is in the past");
        }
        return Math.max(start, earliest);
    }

    private static long instant(String field, String raw) {
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw bad("bad_datetime", "Thời điểm '" + raw + "' không hợp lệ, dùng ISO-8601 có múi giờ, ví dụ"
                    + " 2025-12-01T07:30:00+07:00 / " + field + " must be an ISO-8601 date-time with offset");
        }
    }


    private static ApiException bad(String code, String message) {
        return ApiException.badRequest(code, message);
    }
}
