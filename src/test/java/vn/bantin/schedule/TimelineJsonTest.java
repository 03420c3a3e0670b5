package vn.bantin.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Timeline;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.domain.TimelineItem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.bantin.schedule.Fixtures.DAY;
import static vn.bantin.schedule.Fixtures.area;
import static vn.bantin.schedule.Fixtures.at;
import static vn.bantin.schedule.Fixtures.audio;
import static vn.bantin.schedule.Fixtures.campaign;
import static vn.bantin.schedule.Fixtures.loop;
import static vn.bantin.schedule.Fixtures.once;
import static vn.bantin.schedule.Fixtures.screen;
import static vn.bantin.schedule.Fixtures.speaker;
import static vn.bantin.schedule.Fixtures.toAreas;
import static vn.bantin.schedule.Fixtures.video;

class TimelineJsonTest {

    private static final String SHA = "a".repeat(64);

    private static Timeline sample() {
        TimelineItem item = new TimelineItem(SHA, 123, 60_000, AssetKind.AUDIO);
        TimelineEntry entry = new TimelineEntry("0123456789abcdef01234567", 1_764_000_000_000L, 1_764_000_060_000L,
                SlotMode.ONCE, BroadcastClass.NORMAL, 3, "Bản tin sáng", 80, 1_764_000_000_000L, List.of(item));
        return new Timeline(12, 1_764_000_000_000L, 1_764_604_800_000L, List.of(entry));
    }

    @Test
    @DisplayName("the body has the contract's fields, in order, compact, with Vietnamese unescaped")
    void exactBytes() {
        String body = new String(TimelineJson.toWireBytes("dev1", 1_764_000_123_456L, sample()), StandardCharsets.UTF_8);

        String entries = "[{\"id\":\"0123456789abcdef01234567\",\"start\":1764000000000,\"end\":1764000060000,"
                + "\"mode\":\"ONCE\",\"class\":\"NORMAL\",\"campaignId\":3,\"campaign\":\"Bản tin sáng\",\"volume\":80,"
                + "\"anchor\":1764000000000,\"items\":[{\"sha256\":\"" + SHA + "\",\"size\":123,\"durationMs\":60000,"
                + "\"kind\":\"AUDIO\",\"url\":\"/agent/v1/media/" + SHA + "\"}]}]";
        String version = Fixtures.sha(entries);
        assertThat(body).isEqualTo("{\"deviceId\":\"dev1\",\"endpointId\":12,\"version\":\"" + version + "\","
                + "\"serial\":1764000123456,\"from\":1764000000000,\"to\":1764604800000,\"entries\":" + entries + "}");
    }

    @Test
    @DisplayName("version is the SHA-256 of the entries array bytes as they appear in the body")
    void versionHash() throws Exception {
        byte[] body = TimelineJson.toWireBytes("dev1", 1, sample());
        JsonNode json = new ObjectMapper().readTree(body);
        String text = new String(body, StandardCharsets.UTF_8);
        String entries = text.substring(text.indexOf("\"entries\":") + "\"entries\":".length(), text.length() - 1);

        assertThat(json.get("version").asText()).isEqualTo(Fixtures.sha(entries)).isEqualTo(TimelineJson.version(sample()));
        assertThat(json.get("entries").get(0).get("campaign").asText()).isEqualTo("Bản tin sáng");
    }

    @Test
    @DisplayName("an empty timeline still has every field")
    void emptyTimeline() {
        Timeline empty = new Timeline(5, 1, 2, List.of());

        assertThat(new String(TimelineJson.toWireBytes("d", 1, empty), StandardCharsets.UTF_8))
                .isEqualTo("{\"deviceId\":\"d\",\"endpointId\":5,\"version\":\"" + Fixtures.sha("[]")
                        + "\",\"serial\":1,\"from\":1,\"to\":2,\"entries\":[]}");
    }

    @Test
    @DisplayName("compiling the same inputs twice, in any order, gives the same bytes")
    void deterministicCompilation() {
        Random random = new Random(7);
        List<Campaign> campaigns = new ArrayList<>();
        for (int id = 1; id <= 30; id++) {
            BroadcastClass cls = BroadcastClass.values()[random.nextInt(3)];
            String cron = random.nextInt(60) + " " + random.nextInt(24) + " * * *";
            campaigns.add(campaign(id, cls, random.nextInt(3),
                    List.of(video(id * 10L, 1 + random.nextInt(5)), audio(id * 10L + 1, 1 + random.nextInt(5))),
                    List.of(random.nextBoolean() ? once(id, cron) : loop(id, cron, 60 + random.nextInt(120))),
                    toAreas(1L)));
        }
        List<Endpoint> endpoints = List.of(screen(60, 2L), speaker(50, 2L), screen(61, 2L));
        ScheduleInput first = new ScheduleInput(List.of(area(1, null, "Tỉnh"), area(2, 1L, "Xã")), endpoints,
                campaigns, at("00:00"), at(DAY.plusDays(7), "00:00"));
        List<Campaign> shuffled = new ArrayList<>(campaigns);
        Collections.shuffle(shuffled, random);
        List<Endpoint> reversed = new ArrayList<>(endpoints);
        Collections.reverse(reversed);
        ScheduleInput second = new ScheduleInput(List.of(area(2, 1L, "Xã"), area(1, null, "Tỉnh")), reversed,
                shuffled, first.fromMs(), first.toMs());

        CompiledSchedule a = TimelineCompiler.compile(first);
        CompiledSchedule b = TimelineCompiler.compile(second);

        for (Endpoint endpoint : endpoints) {
            assertThat(TimelineJson.toWireBytes("dev", 1, b.timelines().get(endpoint.id())))
                    .isEqualTo(TimelineJson.toWireBytes("dev", 1, a.timelines().get(endpoint.id())));
            assertThat(a.timelines().get(endpoint.id()).entries()).isNotEmpty();
        }
        assertThat(b.conflicts()).isEqualTo(a.conflicts());
    }
}
