package vn.bantin.schedule;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
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
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of DESIGN §5 over random provinces: jqwik draws a seed, the seed builds areas (a tree, in
 * Hồ Chí Minh or New York across the autumn DST change, with quiet hours), endpoints, and campaigns
 * (classes, ranks, date ranges, approval, assets that expire, ONCE/LOOP slots with cron, one-offs and
 * exclusions). Two days, a few dozen tries: the class runs in seconds.
 */
class CompilerPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 31);
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Ho_Chi_Minh"), ZoneId.of("America/New_York"));
    private static final long SLACK_MS = Duration.ofMinutes(60).toMillis();

    private record World(List<Area> areas, List<Endpoint> endpoints, List<Campaign> campaigns, ScheduleInput input) {
    }

    @Property(tries = 60)
    void timelinesKeepTheRules(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        World world = world(new Random(seed));
        CompiledSchedule compiled = TimelineCompiler.compile(world.input());
        AreaTree tree = new AreaTree(world.areas());
        Map<Long, Campaign> campaigns = new HashMap<>();
        world.campaigns().forEach(c -> campaigns.put(c.id(), c));
        Map<String, Asset> assets = new HashMap<>();
        world.campaigns().forEach(c -> c.playlist().forEach(i -> assets.put(i.asset().sha256(), i.asset())));

        for (Endpoint endpoint : world.endpoints()) {
            Timeline timeline = compiled.timelines().get(endpoint.id());
            ZoneId zone = tree.zone(endpoint.areaId());
            QuietHours quiet = endpoint.kind() == EndpointKind.SPEAKER ? tree.quietHours(endpoint.areaId()) : null;
            long previousEnd = Long.MIN_VALUE;
            for (TimelineEntry e : timeline.entries()) {
                assertThat(e.startMs()).isLessThan(e.endMs()).isGreaterThanOrEqualTo(previousEnd);
                previousEnd = e.endMs();
                Campaign campaign = campaigns.get(e.campaignId());
                assertThat(campaign.approved()).isTrue();
                assertInDateRange(e, campaign, zone);
                for (TimelineItem item : e.items()) {
                    assertThat(endpoint.kind().accepts(item.kind())).as("kind %s on %s", item.kind(), endpoint.kind())
                            .isTrue();
                    Asset asset = assets.get(item.sha256());
                    assertThat(asset.approved()).isTrue();
                    long usableUntil = asset.expiresAt() == null ? Long.MAX_VALUE : asset.expiresAt().toEpochMilli();
                    long lastUse = e.mode() == SlotMode.LOOP ? e.endMs() : e.startMs() - SLACK_MS;
                    assertThat(usableUntil).as("expiry of %s", item.sha256()).isGreaterThanOrEqualTo(lastUse);
                }
                if (quiet != null && e.broadcastClass() != BroadcastClass.EMERGENCY) {
                    assertThat(insideQuietHours(e, quiet, zone)).as("quiet hours %s on %s", quiet, e).isFalse();
                }
            }
        }
    }

    @Property(tries = 30)
    void sameInputsSameBytes(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) {
        World world = world(new Random(seed));
        List<Campaign> shuffled = new ArrayList<>(world.campaigns());
        List<Endpoint> endpoints = new ArrayList<>(world.endpoints());
        Collections.shuffle(shuffled, new Random(seed + 1));
        Collections.shuffle(endpoints, new Random(seed + 2));
        CompiledSchedule once = TimelineCompiler.compile(world.input());
        CompiledSchedule again = TimelineCompiler.compile(new ScheduleInput(world.areas(), endpoints, shuffled,
                world.input().fromMs(), world.input().toMs()));
        for (Endpoint e : world.endpoints()) {
            assertThat(TimelineJson.toWireBytes("d", 1, again.timelines().get(e.id())))
                    .isEqualTo(TimelineJson.toWireBytes("d", 1, once.timelines().get(e.id())));
        }
        assertThat(again.conflicts()).isEqualTo(once.conflicts());
    }

    private static void assertInDateRange(TimelineEntry e, Campaign c, ZoneId zone) {
        long first = c.startDate().atStartOfDay(zone).toInstant().toEpochMilli();
        long last = c.endDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        assertThat(e.startMs()).as("start of %s", e).isGreaterThanOrEqualTo(first);
        if (e.mode() == SlotMode.LOOP) {
            assertThat(e.endMs()).isLessThanOrEqualTo(last);
        } else {
            assertThat(e.startMs()).isLessThan(last + SLACK_MS);
        }
    }

    /** Checked minute by minute on the local clock, independently of the compiler's quiet windows. */
    private static boolean insideQuietHours(TimelineEntry e, QuietHours quiet, ZoneId zone) {
        for (long t = e.startMs(); t < e.endMs(); t += 60_000) {
            if (quiet.contains(LocalDateTime.ofInstant(Instant.ofEpochMilli(t), zone).toLocalTime())) {
                return true;
            }
        }
        return quiet.contains(LocalDateTime.ofInstant(Instant.ofEpochMilli(e.endMs() - 1), zone).toLocalTime());
    }

    private static World world(Random r) {
        List<Area> areas = new ArrayList<>();
        ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
        areas.add(new Area(1, null, "Tỉnh", zone, r.nextBoolean() ? quiet(r) : null));
        int count = 2 + r.nextInt(6);
        for (int i = 2; i <= count; i++) {
            areas.add(new Area(i, 1L + r.nextInt(i - 1), "Khu " + i, null, r.nextInt(3) == 0 ? quiet(r) : null));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 2 + r.nextInt(7); i++) {
            endpoints.add(new Endpoint(100 + i, "tb " + i, r.nextBoolean() ? EndpointKind.SPEAKER : EndpointKind.SCREEN,
                    1L + r.nextInt(count), r.nextBoolean() ? Set.of("cho") : Set.of(), EndpointStatus.ACTIVE));
        }
        List<Campaign> campaigns = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
            campaigns.add(campaign(r, 10 + i, count, endpoints));
        }
        ScheduleInput input = new ScheduleInput(areas, endpoints, campaigns,
                DAY.atStartOfDay(zone).toInstant().toEpochMilli(),
                DAY.plusDays(2).atStartOfDay(zone).toInstant().toEpochMilli());
        return new World(areas, endpoints, campaigns, input);
    }

    private static QuietHours quiet(Random r) {
        return new QuietHours(LocalTime.of(20 + r.nextInt(4), 30 * r.nextInt(2)), LocalTime.of(4 + r.nextInt(3), 0));
    }

    private static Campaign campaign(Random r, long id, int areas, List<Endpoint> endpoints) {
        List<PlaylistItem> playlist = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            AssetKind kind = AssetKind.values()[r.nextInt(3)];
            Instant expiry = r.nextInt(4) == 0
                    ? DAY.atTime(r.nextInt(24), 0).atZone(ZoneId.of("UTC")).toInstant().plus(Duration.ofHours(r.nextInt(48)))
                    : null;
            long ms = Duration.ofSeconds(30 + r.nextInt(600)).toMillis();
            playlist.add(new PlaylistItem(new Asset(id * 10 + i, String.format("%064x", id * 10 + i), "a", kind, 1, ms,
                    r.nextInt(6) != 0, expiry), ms));
        }
        List<Slot> slots = new ArrayList<>();
        for (int s = 0; s < 1 + r.nextInt(2); s++) {
            boolean loop = r.nextInt(3) == 0;
            String cron = r.nextInt(4) == 0 ? null
                    : r.nextInt(60) + " " + (r.nextInt(3) == 0 ? "*/" + (2 + r.nextInt(5)) : r.nextInt(24)) + " * * *";
            List<LocalDateTime> oneOffs = cron == null || r.nextBoolean()
                    ? List.of(DAY.plusDays(r.nextInt(2)).atTime(r.nextInt(24), r.nextInt(60))) : List.of();
            List<LocalDate> excluded = r.nextInt(3) == 0 ? List.of(DAY.plusDays(r.nextInt(2))) : List.of();
            slots.add(new Slot(id * 10 + s, loop ? SlotMode.LOOP : SlotMode.ONCE, cron, oneOffs,
                    loop ? Duration.ofMinutes(30 + r.nextInt(300)) : null, Duration.ofMinutes(r.nextInt(20)), excluded));
        }
        Targets targets = switch (r.nextInt(3)) {
            case 0 -> new Targets(Set.of(1L + r.nextInt(areas)), Set.of(), Set.of());
            case 1 -> new Targets(Set.of(), Set.of("cho"), Set.of());
            default -> new Targets(Set.of(), Set.of(), Set.of(endpoints.get(r.nextInt(endpoints.size())).id()));
        };
        LocalDate start = DAY.plusDays(r.nextInt(3) - 1);
        return new Campaign(id, "C" + id, r.nextInt(4) == 0 ? BroadcastClass.PRIORITY : BroadcastClass.NORMAL,
                r.nextInt(2), start, start.plusDays(r.nextInt(2)), r.nextInt(5) != 0, 80, "", playlist, slots, targets);
    }

}
