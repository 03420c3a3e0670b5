package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.QuietHours;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Small builders for schedule tests. Times are local to Asia/Ho_Chi_Minh unless a test says otherwise. */
final class Fixtures {

    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 1 December 2025, 00:00 in Hồ Chí Minh. */
    static final LocalDate DAY = LocalDate.of(2025, 12, 1);

    private Fixtures() {
    }

    static long at(String localTime) {
        return at(DAY, localTime);
    }

    static long at(LocalDate day, String localTime) {
        return day.atTime(LocalTime.parse(localTime)).atZone(HCM).toInstant().toEpochMilli();
    }

    static long min(long minutes) {
        return Duration.ofMinutes(minutes).toMillis();
    }

    static Area area(long id, Long parentId, String name) {
        return new Area(id, parentId, name, null, null);
    }

    static Area quietArea(long id, Long parentId, String name, String from, String to) {
        return new Area(id, parentId, name, null, new QuietHours(LocalTime.parse(from), LocalTime.parse(to)));
    }

    static Asset asset(long id, AssetKind kind) {
        return new Asset(id, sha("asset-" + id), "asset " + id, kind, 1000 + id, 0, true, null);
    }

    static PlaylistItem item(Asset asset, long durationMs) {
        return new PlaylistItem(asset, durationMs);
    }

    static PlaylistItem audio(long id, long minutes) {
        return item(asset(id, AssetKind.AUDIO), min(minutes));
    }

    static PlaylistItem video(long id, long minutes) {
        return item(asset(id, AssetKind.VIDEO), min(minutes));
    }

    static Slot once(long id, String cron) {
        return new Slot(id, SlotMode.ONCE, cron, List.of(), null, Slot.DEFAULT_ALLOWED_DELAY, List.of());
    }

    static Slot onceAt(long id, String localDateTime) {
        return new Slot(id, SlotMode.ONCE, null, List.of(LocalDateTime.parse(localDateTime)), null,
                Slot.DEFAULT_ALLOWED_DELAY, List.of());
    }

    static Slot loop(long id, String cron, long windowMinutes) {
        return new Slot(id, SlotMode.LOOP, cron, List.of(), Duration.ofMinutes(windowMinutes), null, List.of());
    }

    static Targets toAreas(Long... ids) {
        return new Targets(Set.of(ids), Set.of(), Set.of());
    }

    static Campaign campaign(long id, BroadcastClass cls, int rank, List<PlaylistItem> playlist, List<Slot> slots,
                             Targets targets) {
        return new Campaign(id, "Chiến dịch " + id, cls, rank, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31),
                true, 80, "tuyên truyền", playlist, slots, targets);
    }

    static Campaign normal(long id, List<PlaylistItem> playlist, List<Slot> slots, Targets targets) {
        return campaign(id, BroadcastClass.NORMAL, 0, playlist, slots, targets);
    }

    static Endpoint speaker(long id, Long areaId, String... tags) {
        return new Endpoint(id, "loa-" + id, EndpointKind.SPEAKER, areaId, Set.of(tags), EndpointStatus.ACTIVE);
    }

    static Endpoint screen(long id, Long areaId, String... tags) {
        return new Endpoint(id, "man-hinh-" + id, EndpointKind.SCREEN, areaId, Set.of(tags), EndpointStatus.ACTIVE);
    }

    /** One local day, 1 December 2025. */
    static ScheduleInput oneDay(List<Area> areas, List<Endpoint> endpoints, List<Campaign> campaigns) {
        return new ScheduleInput(areas, endpoints, campaigns, at("00:00"), at(DAY.plusDays(1), "00:00"));
    }

    static Instant instant(long ms) {
        return Instant.ofEpochMilli(ms);
    }

    static String sha(String text) {
        return HexFormat.of().formatHex(EntryIds.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
