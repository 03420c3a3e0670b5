package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.asset;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.item;
import static vn.bantin.schedule.Fixtures.min;
import static vn.bantin.schedule.Fixtures.normal;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.oneDay;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class TimelineCompilerTest {

    private static final Area PROVINCE = area(1, null, "Tỉnh Lâm Đồng");
    private static final Area COMMUNE = area(2, 1L, "Xã Đạ Huoai");
    private static final Area HAMLET = area(3, 2L, "Thôn 1");
    private static final Area OTHER = area(9, null, "Tỉnh khác");
    private static final List<Area> AREAS = List.of(PROVINCE, COMMUNE, HAMLET, OTHER);

    private static List<TimelineEntry> entries(CompiledSchedule compiled, long endpointId) {
        return compiled.timelines().get(endpointId).entries();
    }

    @Test
    @DisplayName("a 3-item bulletin becomes 3 back-to-back ONCE entries from 06:00")
    void onceBulletinIsConsecutiveItems() {
        Campaign bulletin = normal(10, List.of(audio(1, 5), audio(2, 3), audio(3, 2)), List.of(once(100, "0 6 * * *")),
                toAreas(2L));

        List<TimelineEntry> entries = entries(TimelineCompiler.compile(
                oneDay(AREAS, List.of(speaker(50, 3L)), List.of(bulletin))), 50);

        assertThat(entries).extracting(TimelineEntry::startMs)
                .containsExactly(at("06:00"), at("06:05"), at("06:08"));
        assertThat(entries).extracting(TimelineEntry::endMs)
                .containsExactly(at("06:05"), at("06:08"), at("06:10"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.mode()).isEqualTo(SlotMode.ONCE);
            assertThat(e.items()).hasSize(1);
            assertThat(e.anchorMs()).isEqualTo(e.startMs());
            assertThat(e.campaignName()).isEqualTo("Chiến dịch 10");
            assertThat(e.volume()).isEqualTo(80);
            assertThat(e.id()).hasSize(24).matches("[0-9a-f]+");
        });
        assertThat(entries).extracting(TimelineEntry::id).doesNotHaveDuplicates();
        assertThat(entries.get(0).startMs()).isEqualTo(Instant.parse("2025-11-30T23:00:00Z").toEpochMilli());
    }

    @Test
    @DisplayName("a speaker gets only audio, a screen only video and images")
    void kindFiltering() {
        PlaylistItem image = item(asset(3, AssetKind.IMAGE), min(1));
        Campaign mixed = normal(10, List.of(audio(1, 2), video(2, 2), image), List.of(once(100, "0 6 * * *")),
                toAreas(1L));

        CompiledSchedule compiled = TimelineCompiler.compile(
                oneDay(AREAS, List.of(speaker(50, 3L), screen(60, 3L)), List.of(mixed)));

        assertThat(entries(compiled, 50)).flatExtracting(TimelineEntry::items)
                .extracting(i -> i.kind()).containsExactly(AssetKind.AUDIO);
        assertThat(entries(compiled, 60)).flatExtracting(TimelineEntry::items)
                .extracting(i -> i.kind()).containsExactly(AssetKind.VIDEO, AssetKind.IMAGE);
    }

    @Test
    @DisplayName("a campaign with nothing for a kind gives that kind an empty timeline")
    void emptyPlaylistForKind() {
        Campaign videos = normal(10, List.of(video(2, 2)), List.of(once(100, "0 6 * * *")), toAreas(1L));

        CompiledSchedule compiled = TimelineCompiler.compile(oneDay(AREAS, List.of(speaker(50, 3L)), List.of(videos)));

        assertThat(entries(compiled, 50)).isEmpty();
    }

    @Test
    @DisplayName("targets: an area reaches its descendants, tags and explicit endpoints reach theirs, nothing else")
    void targeting() {
        Slot6 slot = new Slot6();
        Campaign byArea = normal(10, List.of(audio(1, 1)), List.of(slot.at("06:00")), toAreas(1L));
        Campaign byTag = normal(11, List.of(audio(2, 1)), List.of(slot.at("07:00")),
                new Targets(Set.of(), Set.of("chợ"), Set.of()));
        Campaign byEndpoint = normal(12, List.of(audio(3, 1)), List.of(slot.at("08:00")),
                new Targets(Set.of(), Set.of(), Set.of(52L)));
        List<Endpoint> endpoints = List.of(speaker(50, 3L), speaker(51, 9L, "chợ"), speaker(52, 9L), speaker(53, null));

        CompiledSchedule compiled = TimelineCompiler.compile(
                oneDay(AREAS, endpoints, List.of(byArea, byTag, byEndpoint)));

        assertThat(entries(compiled, 50)).extracting(TimelineEntry::campaignId).containsExactly(10L);
        assertThat(entries(compiled, 51)).extracting(TimelineEntry::campaignId).containsExactly(11L);
        assertThat(entries(compiled, 52)).extracting(TimelineEntry::campaignId).containsExactly(12L);
        assertThat(entries(compiled, 53)).isEmpty();
    }

    @Test
    @DisplayName("unapproved campaigns never air; unapproved and expired assets leave the playlist")
    void approvalAndExpiry() {
        Asset unapproved = new Asset(2, Fixtures.sha("x"), "chưa duyệt", AssetKind.AUDIO, 10, 0, false, null);
        Asset expiresAt7 = new Asset(3, Fixtures.sha("y"), "hết hạn", AssetKind.AUDIO, 10, 0, true,
                Instant.ofEpochMilli(at("07:00")));
        Campaign approved = normal(10, List.of(audio(1, 2), item(unapproved, min(2)), item(expiresAt7, min(2))),
                List.of(once(100, "0 6,8 * * *")), toAreas(1L));
        Campaign notApproved = new Campaign(11, "chưa duyệt", BroadcastClass.NORMAL, 0, null, null, false, 80, "",
                List.of(audio(4, 1)), List.of(once(101, "0 9 * * *")), toAreas(1L));

        List<TimelineEntry> entries = entries(TimelineCompiler.compile(
                oneDay(AREAS, List.of(speaker(50, 3L)), List.of(approved, notApproved))), 50);

        assertThat(entries).extracting(e -> e.items().get(0).sha256()).containsExactly(
                asset(1, AssetKind.AUDIO).sha256(), expiresAt7.sha256(), asset(1, AssetKind.AUDIO).sha256());
        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(at("06:00"), at("06:02"), at("08:00"));
    }

    @Test
    @DisplayName("only days inside the campaign's date range, in the endpoint's zone")
    void dateRange() {
        Campaign twoDays = new Campaign(10, "Hai ngày", BroadcastClass.NORMAL, 0, DAY.plusDays(1), DAY.plusDays(2),
                true, 80, "", List.of(audio(1, 1)), List.of(once(100, "0 6 * * *")), toAreas(1L));
        ScheduleInput week = new ScheduleInput(AREAS, List.of(speaker(50, 3L)), List.of(twoDays),
                at("00:00"), at(DAY.plusDays(7), "00:00"));

        assertThat(entries(TimelineCompiler.compile(week), 50)).extracting(TimelineEntry::startMs)
                .containsExactly(at(DAY.plusDays(1), "06:00"), at(DAY.plusDays(2), "06:00"));
    }

    @Test
    @DisplayName("an area's zone is inherited from its nearest ancestor that sets one")
    void zoneInheritance() {
        Area tokyo = new Area(20, null, "Tokyo", ZoneId.of("Asia/Tokyo"), null);
        Area ward = area(21, 20L, "Phường");
        Campaign bulletin = normal(10, List.of(audio(1, 1)), List.of(once(100, "0 6 * * *")), toAreas(20L));
        ScheduleInput input = new ScheduleInput(List.of(tokyo, ward), List.of(speaker(50, 21L)), List.of(bulletin),
                Instant.parse("2025-12-01T00:00:00Z").toEpochMilli(), Instant.parse("2025-12-02T00:00:00Z").toEpochMilli());

        assertThat(entries(TimelineCompiler.compile(input), 50)).extracting(TimelineEntry::startMs)
                .containsExactly(Instant.parse("2025-12-01T21:00:00Z").toEpochMilli());
    }

    @Test
    @DisplayName("alike endpoints share a plan but get their own entry ids")
    void idsPerEndpoint() {
        Campaign bulletin = normal(10, List.of(audio(1, 1)), List.of(once(100, "0 6 * * *")), toAreas(1L));

        CompiledSchedule compiled = TimelineCompiler.compile(
                oneDay(AREAS, List.of(speaker(50, 3L), speaker(51, 3L)), List.of(bulletin)));

        TimelineEntry a = entries(compiled, 50).get(0);
        TimelineEntry b = entries(compiled, 51).get(0);
        assertThat(a.startMs()).isEqualTo(b.startMs());
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    @DisplayName("a loop window is one entry carrying its playlist, anchored at its start and clipped to the window")
    void loopWindow() {
        Campaign daypart = normal(10, List.of(video(1, 2), video(2, 3)), List.of(Fixtures.loop(100, "0 20 * * *", 300)),
                toAreas(1L));

        List<TimelineEntry> entries = entries(TimelineCompiler.compile(
                oneDay(AREAS, List.of(screen(60, 3L)), List.of(daypart))), 60);

        // yesterday's 20:00 window runs into today until 01:00; today's is cut at midnight
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).startMs()).isEqualTo(at("00:00"));
        assertThat(entries.get(0).endMs()).isEqualTo(at("01:00"));
        assertThat(entries.get(0).anchorMs()).isEqualTo(at(DAY.minusDays(1), "20:00"));
        assertThat(entries.get(1).startMs()).isEqualTo(at("20:00"));
        assertThat(entries.get(1).endMs()).isEqualTo(at(DAY.plusDays(1), "00:00"));
        assertThat(entries.get(1).items()).hasSize(2);
        assertThat(entries.get(1).mode()).isEqualTo(SlotMode.LOOP);
    }

    @Test
    @DisplayName("a bulletin splits a loop into two entries with the same anchor")
    void loopSplitAroundBulletin() {
        Campaign loop = normal(10, List.of(video(1, 2)), List.of(Fixtures.loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign bulletin = normal(11, List.of(video(2, 5)), List.of(once(101, "0 9 * * *")), toAreas(1L));

        List<TimelineEntry> entries = entries(TimelineCompiler.compile(
                oneDay(AREAS, List.of(screen(60, 3L)), List.of(loop, bulletin))), 60);

        assertThat(entries).extracting(TimelineEntry::mode).containsExactly(SlotMode.LOOP, SlotMode.ONCE, SlotMode.LOOP);
        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(at("08:00"), at("09:00"), at("09:05"));
        assertThat(entries).extracting(TimelineEntry::endMs).containsExactly(at("09:00"), at("09:05"), at("10:00"));
        assertThat(entries.get(0).anchorMs()).isEqualTo(at("08:00"));
        assertThat(entries.get(2).anchorMs()).isEqualTo(at("08:00"));
        assertThat(entries.get(0).id()).isNotEqualTo(entries.get(2).id());
    }

    @Test
    @DisplayName("overlapping loops: the higher rank takes the overlap")
    void overlappingLoops() {
        Campaign low = campaign(10, BroadcastClass.NORMAL, 1, List.of(video(1, 2)),
                List.of(Fixtures.loop(100, "0 8 * * *", 120)), toAreas(1L));
        Campaign high = campaign(11, BroadcastClass.NORMAL, 5, List.of(video(2, 2)),
                List.of(Fixtures.loop(101, "0 9 * * *", 120)), toAreas(1L));

        List<TimelineEntry> entries = entries(TimelineCompiler.compile(
                oneDay(AREAS, List.of(screen(60, 3L)), List.of(low, high))), 60);

        assertThat(entries).extracting(TimelineEntry::campaignId).containsExactly(10L, 11L);
        assertThat(entries).extracting(TimelineEntry::startMs).containsExactly(at("08:00"), at("09:00"));
        assertThat(entries).extracting(TimelineEntry::endMs).containsExactly(at("09:00"), at("11:00"));
    }

    @Test
    @DisplayName("a higher-class loop preempts a lower-class bulletin")
    void emergencyLoopBeatsNormalBulletin() {
        Campaign alert = campaign(10, BroadcastClass.EMERGENCY, 0, List.of(audio(1, 1)),
                List.of(Fixtures.loop(100, "0 9 * * *", 60)), toAreas(1L));
        Campaign bulletin = normal(11, List.of(audio(2, 5)), List.of(once(101, "30 9 * * *")), toAreas(1L));

        CompiledSchedule compiled = TimelineCompiler.compile(
                oneDay(AREAS, List.of(speaker(50, 3L)), List.of(alert, bulletin)));

        assertThat(entries(compiled, 50)).extracting(TimelineEntry::campaignId).containsExactly(10L);
        assertThat(compiled.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(Conflict.Kind.DROPPED));
    }

    /** Builds one-off slots on {@link Fixtures#DAY} with distinct ids. */
    private static final class Slot6 {
        private long nextId = 100;

        vn.bantin.domain.Slot at(String time) {
            return Fixtures.onceAt(nextId++, LocalDate.from(DAY) + "T" + time);
        }
    }
}
