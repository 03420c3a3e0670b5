package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.StreamUrl;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.Database;
import vn.bantin.store.LiveSourceRepository;
import vn.bantin.store.StoredAsset;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The registry of upper-level stations a campaign can relay: owned by an area like content, edited by those who
 * write content, archived (never deleted) once no campaign still on the calendar relays them.
 */
public final class LiveSourceService {

    private static final String WHAT = "nguồn phát trực tiếp/live source";
    private static final ZoneId CALENDAR_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Database db;
    private final LiveSourceRepository sources;
    private final AssetRepository assets;
    private final AreaScope scope;
    private final ChangeNotifier changes;
    private final Clock clock;

    public LiveSourceService(Database db, LiveSourceRepository sources, AssetRepository assets, AreaScope scope,
                             ChangeNotifier changes, Clock clock) {
        this.db = db;
        this.sources = sources;
        this.assets = assets;
        this.scope = scope;
        this.changes = changes;
        this.clock = clock;
    }

    public List<LiveSource> all(Actor actor) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            return sources.all(c).stream().filter(s -> visible.contains(s.areaId())).toList();
        });
    }

    public LiveSource get(Actor actor, long id) {
        return db.read(c -> visible(c, scope.of(c, actor), id));
    }

    public LiveSource create(Actor actor, LiveSourceDraft draft) {
        return db.tx(c -> {
            LiveSource valid = validate(c, scope.of(c, actor), actor.areaId(), draft);
            return sources.byId(c, sources.insert(c, valid, clock.millis())).orElseThrow();
        });
    }

    /** New name, URL, description or fallback; the timelines of campaigns relaying it are compiled again. */
    public LiveSource update(Actor actor, long id, LiveSourceDraft draft) {
        List<Long> relaying = db.tx(c -> {
            Scope visible = scope.of(c, actor);
            LiveSource before = visible(c, visible, id);
            sources.update(c, id, validate(c, visible, before.areaId(), draft), clock.millis());
            return sources.campaignIds(c, id);
        });
        changes.scheduleChanged(ChangeScope.campaigns(relaying.toArray(Long[]::new)));
        return get(actor, id);
    }

    /** Off the list of sources a slot may pick; refused while a campaign not yet ended relays it. */
    public LiveSource archive(Actor actor, long id) {
        return db.tx(c -> {
            visible(c, scope.of(c, actor), id);
            List<String> using = sources.campaignsRelaying(c, id, LocalDate.now(clock.withZone(CALENDAR_ZONE)));
            if (!using.isEmpty()) {
                String names = String.join(", ", using);
                throw new ApiException(409, "source_in_use", "Nguồn còn được chiến dịch " + names + " tiếp sóng: sửa"
                        + " hoặc lưu trữ các chiến dịch đó trước / the source is still relayed by campaign " + names
                        + ": change or archive those first");
            }
            sources.archived(c, id, true, clock.millis());
            return sources.byId(c, id).orElseThrow();
        });
    }

    public LiveSource restore(Actor actor, long id) {
        return db.tx(c -> {
            visible(c, scope.of(c, actor), id);
            sources.archived(c, id, false, clock.millis());
            return sources.byId(c, id).orElseThrow();
        });
    }

    /** The source a campaign slot names: visible to the campaign's owner and not archived, else 400. */
    LiveSource forSlot(Connection c, Scope visible, Long sourceId) throws SQLException {
        if (sourceId == null) {
            throw ApiException.badRequest("missing_source", "Khung tiếp sóng cần sourceId (nguồn phát) / a STREAM"
                    + " slot needs a sourceId");
        }
        LiveSource source = sources.byId(c, sourceId).filter(s -> visible.contains(s.areaId())).orElseThrow(() ->
                ApiException.badRequest("unknown_source", "Không có nguồn phát " + sourceId + " / unknown live source "
                        + sourceId));
        if (source.archived()) {
            throw ApiException.badRequest("archived_source", "Nguồn «" + source.name() + "» đã lưu trữ, hãy khôi phục"
                    + " trước / source '" + source.name() + "' is archived: restore it first");
        }
        return source;
    }

    private LiveSource visible(Connection c, Scope visible, long id) throws SQLException {
        LiveSource source = sources.byId(c, id).orElseThrow(() -> ApiException.notFound(WHAT, id));
        AreaScope.requireVisible(visible, source.areaId(), WHAT, id);
        return source;
    }

    private LiveSource validate(Connection c, Scope visible, Long ownerAreaId, LiveSourceDraft d) throws SQLException {
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty()) {
            throw ApiException.badRequest("missing_field", "Nguồn phát cần tên / a live source needs a name");
        }
        StreamUrl.problem(d.url()).ifPresent(why -> {
            throw ApiException.badRequest("bad_url", why);
        });
        String description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
        return new LiveSource(0, name, d.url().trim(), description, ownerAreaId, fallback(c, visible,
                d.fallbackAssetId()), false, 0, 0);
    }

    private Asset fallback(Connection c, Scope visible, Long assetId) throws SQLException {
        if (assetId == null) {
            return null;
        }
        StoredAsset stored = assets.byId(c, assetId).filter(a -> visible.contains(a.areaId())).orElseThrow(() ->
                ApiException.badRequest("unknown_asset", "Không có tệp " + assetId + " / unknown asset " + assetId));
        if (stored.asset().kind() != AssetKind.AUDIO || stored.asset().durationMs() <= 0) {
            throw ApiException.badRequest("bad_fallback", "Nội dung dự phòng phải là tệp âm thanh / the fallback must"
                    + " be an audio asset");
        }
        return stored.asset();
    }
}
