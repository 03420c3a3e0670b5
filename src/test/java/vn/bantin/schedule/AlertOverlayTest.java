package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.Alert;
import vn.bantin.domain.AlertStatus;
import vn.bantin.domain.Area;
import vn.bantin.domain.Asset;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;
import vn.bantin.domain.TimelineEntry;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.*;

@DisplayName("Alert overlay: EMERGENCY alerts preempt everything on their targets")
class AlertOverlayTest {

    private static final List<Area> AREAS = List.of(area(1, null, "Tỉnh"),
            quietArea(2, 1L, "Xã Bình Sơn", "21:30", "05:30"), area(3, 1L, "Xã khác"));
    private static final Asset SIREN = new Asset(900, sha("siren"), "còi báo động", AssetKind.AUDIO, 5000,
            min(3), true, null);
    private static final Asset CLIP = new Asset(901, sha("clip"), "video cảnh báo", AssetKind.VIDEO, 9000,
            min(2), true, null);

    static Alert alert(long id, String localStart, int repeat, long intervalMinutes, Long cancelledAt, Asset audio,
                       Asset visual, Targets targets) {
        return new Alert(id, "Cảnh báo " + id, targets, audio, visual, 0, at(localStart), repeat,
                min(intervalMinutes), null, 100, cancelledAt == null ? AlertStatus.ACTIVE : AlertStatus.CANCELLED,
                at(localStart) - 2000, "admin", cancelledAt, cancelledAt == null ? null : "admin");
    }

    private static List<TimelineEntry> compile(List<Endpoint> endpoints, List<Campaign> campaigns, List<Alert> alerts,
                                               long endpointId) {
        ScheduleInput input = new ScheduleInput(AREAS, endpoints, campaigns, alerts, at("00:00"),
                at(DAY.plusDays(1), "00:00"));
        List<TimelineEntry> entries = TimelineCompiler.compile(input).timelines().get(endpointId).entries();
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).startMs()).as("no overlap").isGreaterThanOrEqualTo(entries.get(i - 1).endMs());
        }
        return entries;
    }

    @Test
    @DisplayName("an alert removes the bulletin it overlaps and cuts the loop, which resumes after it with its anchor")
    void preemptsLoopAndBulletin() {
        Campaign loop = campaign(10, BroadcastClass.NORMAL, 0, List.of(audio(1, 2)), List.of(loop(1, "0 7 * * *", 60)),
                toAreas(2L));
        Campaign bulletin = normal(11, List.of(audio(2, 5)), List.of(onceAt(2, "2025-12-01T07:10")), toAreas(2L));
        List<Endpoint> speakers = List.of(speaker(50, 2L));
        List<TimelineEntry> without = compile(speakers, List.of(loop, bulletin), List.of(), 50);
        assertThat(without).extracting(TimelineEntry::mode).containsExactly(SlotMode.LOOP, SlotMode.ONCE, SlotMode.LOOP);

        Alert storm = alert(7, "07:11", 1, 0, null, SIREN, null, toAreas(1L));
        List<TimelineEntry> with = compile(speakers, List.of(loop, bulletin), List.of(storm), 50);

        assertThat(with).extracting(TimelineEntry::broadcastClass)
                .containsExactly(BroadcastClass.NORMAL, BroadcastClass.EMERGENCY, BroadcastClass.NORMAL);
        TimelineEntry before = with.get(0);
        TimelineEntry emergency = with.get(1);
        TimelineEntry after = with.get(2);
        assertThat(before.id()).isEqualTo(without.get(0).id());
        assertThat(before.endMs()).isEqualTo(at("07:11"));
        assertThat(emergency.startMs()).isEqualTo(at("07:11"));
        assertThat(emergency.endMs()).isEqualTo(at("07:14"));
        assertThat(emergency.mode()).isEqualTo(SlotMode.ONCE);
        assertThat(emergency.campaignId()).isEqualTo(AlertOverlay.NO_CAMPAIGN);
        assertThat(emergency.items().get(0).sha256()).isEqualTo(SIREN.sha256());
        assertThat(after.startMs()).isEqualTo(at("07:14"));
        assertThat(after.endMs()).isEqualTo(at("08:00"));
        assertThat(after.anchorMs()).isEqualTo(before.anchorMs()).isEqualTo(at("07:00"));
        assertThat(with).extracting(TimelineEntry::id).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("an alert plays during quiet hours; screens get the video, untargeted endpoints nothing")
    void quietHoursAndKinds() {
        Alert night = alert(8, "23:00", 1, 0, null, SIREN, CLIP, new Targets(Set.of(2L), Set.of(), Set.of()));
        List<Endpoint> endpoints = List.of(speaker(50, 2L), screen(60, 2L), speaker(70, 3L));
        List<TimelineEntry> speaker = compile(endpoints, List.of(), List.of(night), 50);
        assertThat(speaker).singleElement().satisfies(e -> {
            assertThat(e.startMs()).isEqualTo(at("23:00"));
            assertThat(e.broadcastClass()).isEqualTo(BroadcastClass.EMERGENCY);
        });
        assertThat(compile(endpoints, List.of(), List.of(night), 60)).singleElement()
                .satisfies(e -> assertThat(e.items().get(0).kind()).isEqualTo(AssetKind.VIDEO));
        assertThat(compile(endpoints, List.of(), List.of(night), 70)).isEmpty();

        Alert audioOnly = alert(9, "23:00", 1, 0, null, SIREN, null, toAreas(2L));
        assertThat(compile(endpoints, List.of(), List.of(audioOnly), 60)).isEmpty();
    }

    @Test
    @DisplayName("repeats play at their interval; cancelling keeps what began before and removes the rest")
    void repeatsAndCancel() {
        List<Endpoint> speakers = List.of(speaker(50, 2L));
        Alert active = alert(5, "07:00", 3, 30, null, SIREN, null, toAreas(2L));
        assertThat(compile(speakers, List.of(), List.of(active), 50)).extracting(TimelineEntry::startMs)
                .containsExactly(at("07:00"), at("07:30"), at("08:00"));

        Alert cancelled = alert(5, "07:00", 3, 30, at("07:40"), SIREN, null, toAreas(2L));
        List<TimelineEntry> left = compile(speakers, List.of(), List.of(cancelled), 50);
        assertThat(left).extracting(TimelineEntry::startMs).containsExactly(at("07:00"), at("07:30"));
        assertThat(left).extracting(TimelineEntry::id).isEqualTo(compile(speakers, List.of(), List.of(active), 50)
                .stream().limit(2).map(TimelineEntry::id).toList());
    }

    @Test
    @DisplayName("two alerts at once on one endpoint play one after the other, the earlier-issued first")
    void overlappingAlertsQueue() {
        List<Endpoint> speakers = List.of(speaker(50, 2L));
        Alert flood = alert(3, "09:00", 1, 0, null, SIREN, null, toAreas(2L));
        Alert fire = alert(4, "09:01", 1, 0, null, SIREN, null, toAreas(2L));
        assertThat(compile(speakers, List.of(), List.of(fire, flood), 50))
                .extracting(TimelineEntry::startMs, TimelineEntry::campaignName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(at("09:00"), "Cảnh báo 3"),
                        org.assertj.core.groups.Tuple.tuple(at("09:03"), "Cảnh báo 4"));
    }
}
