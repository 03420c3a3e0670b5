package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.schedule.CronValidator;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.AssetRepository;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.StoredAsset;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

public final class CampaignService {

    static final Duration DEFAULT_IMAGE_DURATION = Duration.ofSeconds(10);

    private final Database db;
    private final CampaignRepository campaigns;
    private final AssetRepository assets;
    private final TargetCheck targetCheck;
    private final CampaignRules rules;
    private final ChangeNotifier changes;
    private final Clock clock;
    private final AreaScope scope;
    private final Approvals approvals;
    private final CampaignTimeGuard times;
    private final LiveSourceService sources;

    public CampaignService(Database db, CampaignRepository campaigns, AssetRepository assets, AreaRepository areas,
                           EndpointRepository endpoints, CampaignRules rules, ChangeNotifier changes,
                           Clock clock, AreaScope scope, Approvals approvals, LiveSourceService sources) {
        this.sources = sources;
        this.scope = scope;
        this.approvals = approvals;
        this.times = new CampaignTimeGuard(areas, clock);
        this.db = db;
        this.campaigns = campaigns;
        this.assets = assets;
        this.targetCheck = new TargetCheck(areas, endpoints);
        this.rules = rules;
        this.changes = changes;
        this.clock = clock;
    }

    /** The campaigns owned by an area in the actor's scope. */
    public List<Campaign> all(Actor actor) {
        return db.read(c -> {
            Scope visible = scope.of(c, actor);
            return campaigns.all(c).stream().filter(x -> visible.contains(x.targets().withinAreaId())).toList();
        });
    }

    public Campaign get(Actor actor, long id) {
        return db.read(c -> visible(c, actor, id));
    }

    /** A campaign owned by the actor's area, using content and reaching endpoints of that area only. */
    public Campaign create(Actor actor, CampaignDraft draft) {
        Campaign created = db.tx(c -> {
            Campaign campaign = validate(c, scope.of(c, actor), actor.areaId(), draft);
            times.check(c, campaign, null);
            rules.check(c, campaign);
            long id = campaigns.insert(c, campaign, clock.millis());
            approvals.created(c, actor, ApprovalRepository.Kind.CAMPAIGN, id);
            return campaigns.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.campaigns(created.id()));
        return created;
    }

    /**
     * Replaces content, targets and slots with the draft's, checked like a new campaign; a submitted or
     * approved campaign goes back to DRAFT and off the air until approved again.
     */
    public Campaign update(Actor actor, long id, CampaignDraft draft) {
        Campaign updated = db.tx(c -> {
            Campaign before = visible(c, actor, id);
            Campaign changed = withId(validate(c, scope.of(c, actor), before.targets().withinAreaId(), draft), id);
            times.check(c, changed, before);
            rules.check(c, changed);
            campaigns.replace(c, id, changed);
            approvals.changed(c, actor, ApprovalRepository.Kind.CAMPAIGN, id);
            return campaigns.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.campaigns(id));
        return updated;
    }

    /**
     * Takes one slot off a campaign, like an edit: a submitted or approved campaign goes back to DRAFT. The last
     * slot stays (a campaign needs a time to air): archive or delete the campaign instead.
     */
    public Campaign deleteSlot(Actor actor, long id, long slotId) {
        Campaign updated = db.tx(c -> {
            Campaign before = visible(c, actor, id);
            if (before.slots().size() == 1 && before.slots().get(0).id() == slotId) {
                throw new ApiException(409, "last_slot", "Chiến dịch cần ít nhất một khung giờ: lưu trữ hoặc xóa chiến"
                        + " dịch thay vì xóa khung giờ cuối / A campaign needs a slot: archive or delete the campaign"
                        + " instead of its last slot");
            }
            if (!campaigns.deleteSlot(c, id, slotId)) {
                throw ApiException.notFound("khung giờ/slot", slotId);
            }
            approvals.changed(c, actor, ApprovalRepository.Kind.CAMPAIGN, id);
            return campaigns.byId(c, id).orElseThrow();
        });
        changes.scheduleChanged(ChangeScope.campaigns(id));
        return updated;
    }

    private static Campaign withId(Campaign c, long id) {
        return new Campaign(id, c.name(), c.broadcastClass(), c.rank(), c.startDate(), c.endDate(), false, c.volume(),
                c.topic(), c.playlist(), c.slots(), c.targets());
    }

    private Campaign visible(Connection c, Actor actor, long id) throws SQLException {
        Campaign campaign = campaigns.byId(c, id).orElseThrow(() -> ApiException.notFound("chiến dịch/campaign", id));
        AreaScope.requireVisible(scope.of(c, actor), campaign.targets().withinAreaId(), "chiến dịch/campaign", id);
        return campaign;
    }

    private Campaign validate(Connection c, Scope visible, Long ownerAreaId, CampaignDraft d) throws SQLException {
        BroadcastClass cls = broadcastClass(d.broadcastClass());
        LocalDate start = LocalDates.parse("startDate", d.startDate());
        LocalDate end = LocalDates.parse("endDate", d.endDate());
        if (end.isBefore(start)) {
            throw bad("bad_dates", "Ngày kết thúc trước ngày bắt đầu / endDate is before startDate");
        }
        int volume = d.volume() == null ? 80 : d.volume().intValue();
        if (volume < 0 || volume > 100) {
            throw bad("bad_volume", "Âm lượng phải từ 0 đến 100 / volume must be 0-100");
        }
        List<Slot> slots = slots(c, visible, d.slots());
        boolean relaysOnly = slots.stream().allMatch(s -> s.mode() == SlotMode.STREAM);
        List<PlaylistItem> playlist = relaysOnly && d.playlist().isEmpty() ? List.of() : playlist(c, visible, d.playlist());
        Targets targets = targetCheck.existing(c, "Chiến dịch", visible, ownerAreaId, d.areaIds(), d.tags(),
                d.endpointIds());
        return new Campaign(0, d.name(), cls, d.rank() == null ? 0 : d.rank().intValue(), start, end, false, volume,
                d.topic(), playlist, slots, targets);
    }

    private List<PlaylistItem> playlist(Connection c, Scope visible, List<CampaignDraft.Item> items)
            throws SQLException {
        if (items.isEmpty()) {
            throw bad("empty_playlist", "Chiến dịch cần ít nhất một nội dung / playlist needs at least one asset");
        }
        List<PlaylistItem> out = new ArrayList<>();
        for (CampaignDraft.Item item : items) {
            Optional<StoredAsset> asset = assets.byId(c, item.assetId());
            if (asset.isEmpty() || !visible.contains(asset.get().areaId())) {
                throw bad("unknown_asset", "Không có tệp " + item.assetId() + " / unknown asset " + item.assetId());
            }
            out.add(new PlaylistItem(asset.get().asset(), itemDuration(asset.get(), item.durationSeconds())));
        }
        return out;
    }

    private static long itemDuration(StoredAsset asset, Long seconds) {
        if (seconds != null) {
            if (seconds <= 0 || seconds > 86_400) {
                throw bad("bad_duration", "Thời lượng phải từ 1 giây đến 24 giờ / durationSeconds must be 1-86400");
            }
            return seconds * 1000;
        }
        return asset.asset().kind() == AssetKind.IMAGE ? DEFAULT_IMAGE_DURATION.toMillis()
                : asset.asset().durationMs();
    }

    private List<Slot> slots(Connection c, Scope visible, List<CampaignDraft.SlotDraft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            throw bad("no_slots", "Chiến dịch cần ít nhất một khung giờ phát / at least one slot is required");
        }
        List<Slot> out = new ArrayList<>();
        for (CampaignDraft.SlotDraft s : drafts) {
            SlotMode mode = slotMode(s.mode());
            String cron = s.cron() == null || s.cron().isBlank() ? null : s.cron().trim();
            if (cron != null) {
                CronValidator.problem(cron).ifPresent(reason -> {
                    throw bad("bad_cron", reason);
                });
            }
            List<LocalDateTime> oneOffs = new ArrayList<>(new LinkedHashSet<>(s.at().stream()
                    .map(CampaignService::localDateTime).toList()));
            if (cron == null && oneOffs.isEmpty()) {
                throw bad("slot_without_time", "Khung giờ cần biểu thức cron hoặc thời điểm cụ thể / a slot needs"
                        + " a cron expression or explicit date-times in 'at'");
            }
            Duration window = null;
            if (mode.hasWindow()) {
                if (s.windowMinutes() == null || s.windowMinutes() <= 0 || s.windowMinutes() > 1440) {
                    throw bad("bad_window", "Khung phát lặp/tiếp sóng cần windowMinutes từ 1 đến 1440 / a " + mode
                            + " slot needs windowMinutes between 1 and 1440");
                }
                window = Duration.ofMinutes(s.windowMinutes());
            }
            LiveSource source = mode == SlotMode.STREAM ? sources.forSlot(c, visible, s.sourceId()) : null;
            List<LocalDate> excluded = s.exclude().stream().map(raw -> LocalDates.parse("exclude", raw)).distinct().sorted()
                    .toList();
            Duration delay = s.allowedDelayMinutes() == null ? Slot.DEFAULT_ALLOWED_DELAY
                    : Duration.ofMinutes(Math.max(0, s.allowedDelayMinutes()));
            out.add(new Slot(0, mode, cron, List.copyOf(oneOffs), window, delay, excluded, source));
        }
        return out;
    }


    private static BroadcastClass broadcastClass(String raw) {
        if (raw == null) {
            return BroadcastClass.NORMAL;
        }
        if (raw.equalsIgnoreCase("EMERGENCY")) {
            throw bad("bad_class", "Phát khẩn cấp dùng cảnh báo khẩn, không dùng chiến dịch / EMERGENCY is for"
                    + " alerts, not campaigns");
        }
        try {
            return BroadcastClass.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw bad("bad_class", "Mức phát phải là NORMAL hoặc PRIORITY / class must be NORMAL or PRIORITY");
        }
    }

    private static SlotMode slotMode(String raw) {
        try {
            return SlotMode.valueOf(raw.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw bad("bad_mode", "Chế độ phải là ONCE, LOOP hoặc STREAM / mode must be ONCE, LOOP or STREAM");
        }
    }


    private static LocalDateTime localDateTime(String raw) {
        try {
            return CampaignDraft.parseLocal(raw);
        } catch (DateTimeException e) {
            throw bad("bad_datetime", "Thời điểm '" + raw + "' không hợp lệ, dùng YYYY-MM-DDTHH:mm / '" + raw
                    + "' must be a local date-time YYYY-MM-DDTHH:mm[:ss]");
        }
    }

    private static ApiException bad(String code, String message) {
        return ApiException.badRequest(code, message);
    }
}
