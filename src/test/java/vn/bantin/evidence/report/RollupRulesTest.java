package vn.bantin.evidence.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.report.ReportFacts.AreaFact;
import vn.bantin.evidence.report.ReportFacts.CampaignFact;
import vn.bantin.evidence.report.ReportFacts.EndpointFact;

@DisplayName("Rollup rules and report sections on a hand-computed commune")
class RollupRulesTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final long MIN = 60_000L;

    static long at(int hour, int minute) {
        return LocalDateTime.of(DAY, java.time.LocalTime.of(hour, minute)).atZone(VN).toInstant().toEpochMilli();
    }

    static ExpectedItem once(long endpoint, String entry, long campaign, long start, PlanReason reason) {
        return new ExpectedItem(endpoint, entry, campaign, SlotMode.ONCE, start, start + MIN,
                Map.of(AssetKind.AUDIO, MIN), reason);
    }

    static PlayRecordPayload record(long seq, String entry, Long campaign, SlotMode mode, PlayOutcome outcome,
                                    long scheduled, long airtime) {
        Long start = outcome == PlayOutcome.MISSED ? null : scheduled + 10;
        Long end = start == null ? null : start + airtime;
        return new PlayRecordPayload("dev", seq, PlayRecordPayload.GENESIS_HASH, entry, campaign,
                BroadcastClass.NORMAL, mode, "a".repeat(64), scheduled, start, end, outcome,
                outcome == PlayOutcome.PLAYED ? null : "lý do", 0, "v");
    }

    /** The plan: ONCE e1..e5 on endpoints 12 and 13; a loop window 20:00–21:00 on 13. */
    static List<ExpectedItem> plan() {
        return List.of(
                once(12, "e1", 3, at(6, 1), null), once(13, "e1", 3, at(6, 1), null),
                once(12, "e2", 3, at(6, 2), null), once(13, "e6", 3, at(6, 6), null),
                once(13, "e3", 5, at(6, 3), null), once(12, "e4", 5, at(6, 4), PlanReason.NOT_DELIVERED),
                once(12, "e7", 5, at(6, 7), null),
                new ExpectedItem(13, "w1", 7, SlotMode.LOOP, at(20, 0), at(21, 0),
                        Map.of(AssetKind.VIDEO, 30_000L, AssetKind.IMAGE, 10_000L), null));
    }

    /** Records by endpoint. */
    static Map<Long, List<PlayRecordPayload>> records() {
        return Map.of(
                12L, List.of(
                        record(1, "e1", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, at(6, 1), MIN),
                        record(2, "e1", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, at(6, 1), MIN),
                        record(3, "e2", 3L, SlotMode.ONCE, PlayOutcome.INTERRUPTED, at(6, 2), 20_000),
                        record(4, "e2", 3L, SlotMode.ONCE, PlayOutcome.PLAYED, at(6, 2), MIN)),
                13L, List.of(
                        record(1, "e1", 3L, SlotMode.ONCE, PlayOutcome.MISSED, at(6, 1), 0),
                        record(2, "e6", 3L, SlotMode.ONCE, PlayOutcome.INTERRUPTED, at(6, 6), 15_000),
                        record(3, "e3", 5L, SlotMode.ONCE, PlayOutcome.FAILED, at(6, 3), 0),
                        record(4, "w1", 7L, SlotMode.LOOP, PlayOutcome.PLAYED, at(20, 0), 30_000),
                        record(5, "w1", 7L, SlotMode.LOOP, PlayOutcome.PLAYED, at(20, 1), 10_000),
                        record(6, "w1", 7L, SlotMode.LOOP, PlayOutcome.FAILED, at(20, 2), 0),
                        record(7, null, null, SlotMode.ONCE, PlayOutcome.PLAYED, at(9, 0), 120_000)));
    }

    /** Applies plan and records in the given order, the way the rollup service does, into cells. */
    static Map<RollupKey, Figures> cells(boolean planFirst, long seed) {
        RollupDeltas d = new RollupDeltas();
        Map<String, EntryState> states = new HashMap<>();
        List<Runnable> steps = new ArrayList<>();
        Runnable planStep = () -> {
            for (ExpectedItem item : plan()) {
                if (item.mode() == SlotMode.LOOP) {
                    RollupRules.windowParts(d, RollupRules.windowParts(item, VN), 1);
                } else {
                    String key = item.endpointId() + "/" + item.entryId();
                    states.put(key, RollupRules.onceExpected(d, states.getOrDefault(key,
                            EntryState.recordOnly(item.endpointId(), item.entryId())), item, VN));
                }
            }
        };
        List<Runnable> recordSteps = new ArrayList<>();
        records().forEach((endpoint, list) -> list.forEach(r -> recordSteps.add(() -> {
            RollupRules.addRecord(d, endpoint, VN, r.mode() == SlotMode.LOOP && r.seq() == 5 ? AssetKind.IMAGE
                    : r.mode() == SlotMode.LOOP ? AssetKind.VIDEO : AssetKind.AUDIO, r);
            if (r.mode() == SlotMode.ONCE && r.entryId() != null) {
                String key = endpoint + "/" + r.entryId();
                states.put(key, RollupRules.recordForEntry(d, states.getOrDefault(key,
                        EntryState.recordOnly(endpoint, r.entryId())), r));
            }
        })));
        Collections.shuffle(recordSteps, new Random(seed));
        if (planFirst) {
            steps.add(planStep);
        }
        steps.addAll(recordSteps);
        if (!planFirst) {
            steps.add(planStep);
        }
        steps.forEach(Runnable::run);
        return d.cells();
    }

    static ReportFacts facts() {
        return new ReportFacts(
                List.of(new AreaFact(1, null, "Xã An Bình", 10_000L), new AreaFact(2, 1L, "Thôn Đông", 3_000L),
                        new AreaFact(3, 1L, "Thôn Tây", 2_000L), new AreaFact(4, 1L, "Thôn Bắc", null)),
                List.of(new EndpointFact(12, "Cụm loa thôn Đông", EndpointKind.SPEAKER, 2L, 200L, true),
                        new EndpointFact(13, "Màn hình thôn Tây", EndpointKind.SCREEN, 3L, 100L, true),
                        new EndpointFact(14, "Cụm loa thôn Bắc", EndpointKind.SPEAKER, 4L, null, false)),
                Map.of(3L, new CampaignFact(3, "Bản tin sáng", "Nghị quyết 57"),
                        5L, new CampaignFact(5, "An toàn giao thông", "Giao thông"),
                        7L, new CampaignFact(7, "Màn hình cổng xã", "Nghị quyết 57")),
                Map.of(12L, new DeviceEvidence(4, 4, 0, 0), 13L, new DeviceEvidence(7, 9, 0, 0)));
    }

    static Report report(Map<RollupKey, Figures> cells) {
        ReportBuilder b = new ReportBuilder(new Report.Scope(1L, "Xã An Bình", null, null),
                new Report.Period("day", DAY, DAY, VN, "Ngày 02/03/2026"), at(23, 0), facts());
        cells.forEach(b::add);
        return b.build();
    }

    static ReportLine line(List<ReportLine> lines, String key) {
        return lines.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("each expected broadcast counted once under its status; airtime, records and loops added up")
    void numbers() {
        Report r = report(cells(true, 1));

        Figures c3 = line(r.campaigns(), "3").figures();
        assertThat(c3.expected()).isEqualTo(4);
        assertThat(c3.get(Measure.PLAYED)).isEqualTo(2);
        assertThat(c3.get(Measure.MISSED)).isEqualTo(1);
        assertThat(c3.get(Measure.INTERRUPTED)).isEqualTo(1);
        assertThat(c3.completionRate()).isEqualTo(0.5);
        assertThat(c3.get(Measure.AIRTIME_MS)).isEqualTo(MIN + MIN + 20_000 + MIN + 15_000);
        Figures c5 = line(r.campaigns(), "5").figures();
        assertThat(c5.expected()).isEqualTo(3);
        assertThat(c5.get(Measure.FAILED)).isEqualTo(1);
        assertThat(c5.get(Measure.NOT_DELIVERED)).isEqualTo(1);
        assertThat(c5.get(Measure.UNREPORTED)).isEqualTo(1);
        assertThat(c5.completionRate()).isEqualTo(0.0);
        Figures loop = line(r.campaigns(), "7").figures();
        assertThat(loop.expected()).isZero();
        assertThat(loop.completionRate()).isNull();
        assertThat(loop.get(Measure.LOOP_EXPECTED_MS)).isEqualTo(3_600_000);
        assertThat(loop.get(Measure.LOOP_PLAYED_MS)).isEqualTo(40_000);
        assertThat(loop.get(Measure.LOOP_ITEM_PLAYS)).isEqualTo(2);
        assertThat(loop.get(Measure.LOOP_FAILED)).isEqualTo(1);
        assertThat(loop.loopCompletionRate()).isEqualTo(40_000 / 3_600_000.0);
        Figures alerts = line(r.campaigns(), "0").figures();
        assertThat(alerts.get(Measure.AIRTIME_MS)).isEqualTo(120_000);
        assertThat(line(r.campaigns(), "0").name()).isEqualTo(ReportBuilder.OUTSIDE_CAMPAIGNS);

        assertThat(r.total().expected()).isEqualTo(7);
        assertThat(r.total().get(Measure.RECORDS)).isEqualTo(11);
        assertThat(r.total().exceptions()).isEqualTo(5);
        assertThat(line(r.kinds(), "IMAGE").figures().get(Measure.LOOP_EXPECTED_MS)).isEqualTo(900_000);
        assertThat(line(r.kinds(), "VIDEO").figures().get(Measure.LOOP_EXPECTED_MS)).isEqualTo(2_700_000);
        assertThat(line(r.topics(), "Nghị quyết 57").figures().expected()).isEqualTo(4);
    }

    @Test
    @DisplayName("records before or after the plan, in any order: the same cells")
    void orderDoesNotMatter() {
        Map<RollupKey, Figures> reference = cells(true, 1);
        for (long seed = 2; seed < 12; seed++) {
            assertThat(cells(seed % 2 == 0, seed)).isEqualTo(reference);
        }
    }

    @Test
    @DisplayName("every area and endpoint has a row, zeros included; evidence in plain words")
    void rows() {
        Report r = report(cells(true, 1));

        assertThat(r.areas()).extracting(ReportLine::name).containsExactly("Thôn Bắc", "Thôn Tây", "Thôn Đông");
        assertThat(line(r.areas(), "4").figures().isZero()).isTrue();
        assertThat(r.endpoints()).hasSize(3);
        assertThat(line(r.endpoints(), "12").evidence().vi()).isEqualTo("Đã xác minh chữ ký, đủ bản ghi");
        assertThat(line(r.endpoints(), "13").evidence().vi()).isEqualTo("Đã xác minh chữ ký; còn thiếu 2 bản ghi");
        assertThat(line(r.endpoints(), "14").evidence().code()).isEqualTo(EvidenceStatus.Code.NO_DEVICE);
    }

    @Test
    @DisplayName("coverage: people of the nearest area with a population, never counted twice")
    void coverage() {
        Report r = report(cells(true, 1));

        // Xã 10,000 keeps 5,000 beyond Đông (3,000) and Tây (2,000); Thôn Bắc has no figure and counts with the xã
        assertThat(r.coverage().population()).isEqualTo(10_000);
        // 12 (Đông) aired 3; 13 (Tây) aired the loop 7 and an alert; 14 (Bắc → xã) aired nothing
        assertThat(r.coverage().reachedPopulation()).isEqualTo(5_000);
        assertThat(line(r.campaigns(), "3").coverage()).isEqualTo(new Coverage(10_000, 3_000, 300, 200));
        assertThat(line(r.campaigns(), "7").coverage()).isEqualTo(new Coverage(10_000, 2_000, 300, 100));
        assertThat(line(r.campaigns(), "5").coverage().populationShare()).isEqualTo(0.0);
        assertThat(line(r.areas(), "2").coverage()).isEqualTo(new Coverage(3_000, 3_000, 200, 200));
        assertThat(line(r.areas(), "4").coverage()).isEqualTo(new Coverage(0, 0, 0, 0));
    }

    @Test
    @DisplayName("airtime and loop windows are split at local midnight")
    void midnight() {
        long midnight = DAY.plusDays(1).atStartOfDay(VN).toInstant().toEpochMilli();
        RollupDeltas d = new RollupDeltas();
        RollupRules.addRecord(d, 12, VN, AssetKind.AUDIO, record(1, "x", 3L, SlotMode.ONCE, PlayOutcome.PLAYED,
                midnight - 30_010, MIN));
        assertThat(d.cells().get(new RollupKey(12, 3, AssetKind.AUDIO, DAY)).get(Measure.AIRTIME_MS)).isEqualTo(30_000);
        assertThat(d.cells().get(new RollupKey(12, 3, AssetKind.AUDIO, DAY.plusDays(1))).get(Measure.AIRTIME_MS))
                .isEqualTo(30_000);

        List<WindowPart> parts = RollupRules.windowParts(new ExpectedItem(13, "w", 7, SlotMode.LOOP,
                midnight - 7_200_000, midnight + 3_600_000, Map.of(AssetKind.VIDEO, 2L, AssetKind.IMAGE, 1L), null), VN);
        assertThat(parts).extracting(WindowPart::ms).containsExactly(4_800_000L, 2_400_000L, 2_400_000L, 1_200_000L);
        assertThat(parts.get(0).msBefore(midnight - 3_600_000)).isEqualTo(2_400_000);
    }
}
