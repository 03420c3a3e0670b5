package vn.bantin.evidence.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayOutcome;

@DisplayName("A bulletin a live session took the air from: how it counts")
class LivePreemptionRulesTest {

    static final long MIN = RollupRulesTest.MIN;
    static final long START = RollupRulesTest.at(6, 0);

    /** The bulletin e1 on endpoint 12, expected (campaign 3), then classified as preempted, then given a record. */
    private static EntryState preempted(RollupDeltas d, PlayOutcome outcome) {
        EntryState s = RollupRules.onceExpected(d, EntryState.recordOnly(12, "e1"),
                RollupRulesTest.once(12, "e1", 3, START, null), RollupRulesTest.VN);
        s = RollupRules.onceClassified(d, s, PlanReason.PREEMPTED_LIVE);
        return outcome == null ? s : RollupRules.recordForEntry(d, s, RollupRulesTest.record(1, "e1", 3L,
                SlotMode.ONCE, outcome, START, outcome == PlayOutcome.PLAYED ? MIN : 20_000));
    }

    private static Figures cell(RollupDeltas d) {
        return d.cells().values().stream().reduce(new Figures(), Figures::add);
    }

    @Test
    @DisplayName("with no record, or a record that it was cut or missed, it yielded to the session")
    void cutOrSilentIsPreempted() {
        for (PlayOutcome outcome : new PlayOutcome[] {null, PlayOutcome.INTERRUPTED, PlayOutcome.MISSED}) {
            RollupDeltas d = new RollupDeltas();
            assertThat(preempted(d, outcome).status()).as(String.valueOf(outcome))
                    .isEqualTo(BroadcastStatus.PREEMPTED_LIVE);
            Figures f = cell(d);
            assertThat(f.expected()).isEqualTo(1);
            assertThat(f.get(Measure.PREEMPTED_LIVE)).isEqualTo(1);
            assertThat(f.get(Measure.INTERRUPTED) + f.get(Measure.MISSED)).isZero();
            assertThat(f.exceptions()).as("listed as an exception, with its reason").isEqualTo(1);
            assertThat(f.completionBase()).isZero();
            assertThat(f.completionRate()).as("nothing left to measure against").isNull();
        }
    }

    @Test
    @DisplayName("a record that it played to its end (after the session, say) wins")
    void playedWins() {
        RollupDeltas d = new RollupDeltas();
        assertThat(preempted(d, PlayOutcome.PLAYED).status()).isEqualTo(BroadcastStatus.PLAYED);
        assertThat(cell(d).get(Measure.PREEMPTED_LIVE)).isZero();
        assertThat(cell(d).completionRate()).isEqualTo(1.0);
    }

    @Test
    @DisplayName("the completion rate leaves preempted broadcasts out of its denominator")
    void completionBase() {
        Figures f = new Figures().add(Measure.PLAYED, 6).add(Measure.MISSED, 2).add(Measure.PREEMPTED_LIVE, 2);
        assertThat(f.expected()).isEqualTo(10);
        assertThat(f.exceptions()).isEqualTo(4);
        assertThat(f.completionBase()).isEqualTo(8);
        assertThat(f.completionRate()).isEqualTo(0.75);
    }

    @Test
    @DisplayName("a loop window yields the stretches live sessions held, shared like its airtime; a later session cuts"
            + " an earlier one, and the loop completion leaves what they took out")
    void loopWindowsYieldTheirStretches() {
        // 23:00–01:00 across midnight, two thirds speech and one third music
        ExpectedItem window = new ExpectedItem(12, "w1", 4, SlotMode.LOOP, RollupRulesTest.at(23, 0),
                RollupRulesTest.at(23, 0) + 120 * MIN, java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 40 * MIN,
                vn.bantin.domain.AssetKind.VIDEO, 20 * MIN), null);
        java.util.List<WindowPart> parts = RollupRules.windowParts(window, RollupRulesTest.VN);
        LiveAir air = LiveAir.of(java.util.List.of(
                new LiveAir.Span(8, "Họp dân", RollupRulesTest.at(23, 50), RollupRulesTest.at(23, 50) + 30 * MIN, null),
                new LiveAir.Span(7, "Lũ về", RollupRulesTest.at(23, 30), RollupRulesTest.at(23, 30) + 60 * MIN,
                        RollupRulesTest.at(23, 30) + 60 * MIN)));
        assertThat(air.spans()).extracting(LiveAir.Span::id).containsExactly(7L, 8L);
        assertThat(air.spans().get(0).toMs()).as("cut where the later session starts")
                .isEqualTo(RollupRulesTest.at(23, 50));
        java.util.List<PreemptedPart> taken = air.takenFrom(parts);
        RollupDeltas d = new RollupDeltas();
        RollupRules.windowParts(d, parts, 1);
        RollupRules.preemptedParts(d, taken, 1);
        Figures f = cell(d);
        assertThat(f.get(Measure.LOOP_EXPECTED_MS)).isEqualTo(120 * MIN);
        assertThat(f.get(Measure.LOOP_PREEMPTED_MS)).as("23:30–00:20").isEqualTo(50 * MIN);
        assertThat(taken.stream().filter(p -> p.part().day().equals(RollupRulesTest.DAY.plusDays(1)))
                .mapToLong(p -> p.part().ms()).sum()).as("20 minutes after midnight").isEqualTo(20 * MIN);
        assertThat(taken.stream().filter(p -> p.part().kind() == vn.bantin.domain.AssetKind.AUDIO)
                .mapToLong(p -> p.part().ms()).sum()).as("two thirds of it speech").isEqualTo(50 * MIN * 2 / 3);
        f.add(Measure.LOOP_PLAYED_MS, 35 * MIN);
        assertThat(f.loopCompletionBase()).isEqualTo(70 * MIN);
        assertThat(f.loopCompletionRate()).isEqualTo(0.5);
        Figures soFar = new Figures();
        taken.forEach(p -> p.addTo(soFar, RollupRulesTest.at(23, 40)));
        assertThat(soFar.get(Measure.LOOP_PREEMPTED_MS)).as("only what was due by 23:40").isEqualTo(10 * MIN);
    }

    @Test
    @DisplayName("an alert during a relay window takes its stretch as airtime yielded to the alert, apart from what a"
            + " session took; a session it interrupts resumes after it; both leave the loop completion")
    void alertsTakeTheirStretchApart() {
        ExpectedItem relay = new ExpectedItem(12, "r1", 4, SlotMode.STREAM, RollupRulesTest.at(6, 0),
                RollupRulesTest.at(7, 0), java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 60 * MIN), null);
        java.util.List<WindowPart> parts = RollupRules.windowParts(relay, RollupRulesTest.VN);
        LiveAir air = LiveAir.of(java.util.List.of(new LiveAir.Span(8, "Họp dân", RollupRulesTest.at(6, 10),
                RollupRulesTest.at(6, 30), RollupRulesTest.at(6, 30)))).withAlerts(java.util.List.of(
                LiveAir.Span.alert(3, "Lũ quét: sơ tán", RollupRulesTest.at(6, 20), RollupRulesTest.at(6, 22)),
                LiveAir.Span.alert(4, "Cháy rừng", RollupRulesTest.at(7, 0), RollupRulesTest.at(7, 1))));
        assertThat(air.spans()).extracting(s -> s.by() + " " + s.id() + " " + (s.fromMs() - RollupRulesTest.at(6, 0))
                / MIN + "–" + (s.toMs() - RollupRulesTest.at(6, 0)) / MIN).containsExactly("LIVE_SESSION 8 10–20",
                "ALERT 3 20–22", "LIVE_SESSION 8 22–30", "ALERT 4 60–61");
        java.util.List<PreemptedPart> taken = air.takenFrom(parts);
        assertThat(taken).extracting(PreemptedPart::by, PreemptedPart::byId).as("the alert at the window's end takes"
                + " nothing of it").doesNotContain(org.assertj.core.groups.Tuple.tuple(Preemption.By.ALERT, 4L));
        RollupDeltas d = new RollupDeltas();
        RollupRules.windowParts(d, parts, 1);
        RollupRules.preemptedParts(d, taken, 1);
        Figures f = cell(d);
        assertThat(f.get(Measure.LOOP_EXPECTED_MS)).isEqualTo(60 * MIN);
        assertThat(f.get(Measure.LOOP_ALERT_MS)).isEqualTo(2 * MIN);
        assertThat(f.get(Measure.LOOP_PREEMPTED_MS)).as("the session's 20 minutes but the alert's 2").isEqualTo(18 * MIN);
        assertThat(f.loopCompletionBase()).isEqualTo(40 * MIN);
        assertThat(air.spans().get(1).preemption()).isEqualTo(new Preemption(Preemption.By.ALERT, 3, "Lũ quét: sơ tán",
                RollupRulesTest.at(6, 20), RollupRulesTest.at(6, 22)));
        assertThat(air.spans().get(2).preemption().toMs()).as("the session resumed, then ended")
                .isEqualTo(RollupRulesTest.at(6, 30));
    }

    @Test
    @DisplayName("the rest of a window under way that a new plan resumes after an alert is time already expected")
    void aResumedPartIsNotExpectedTwice() {
        ExpectedItem relay = new ExpectedItem(12, "r1", 4, SlotMode.STREAM, RollupRulesTest.at(6, 0),
                RollupRulesTest.at(7, 0), java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 60 * MIN), null);
        java.util.List<WindowPart> underWay = RollupRules.windowParts(relay, RollupRulesTest.VN);
        ExpectedItem rest = new ExpectedItem(12, "r1-after", 4, SlotMode.STREAM, RollupRulesTest.at(6, 22),
                RollupRulesTest.at(7, 0), java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 38 * MIN), null);
        ExpectedItem next = new ExpectedItem(12, "r2", 4, SlotMode.STREAM, RollupRulesTest.at(7, 0),
                RollupRulesTest.at(8, 0), java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 60 * MIN), null);
        ExpectedItem other = new ExpectedItem(12, "l1", 5, SlotMode.LOOP, RollupRulesTest.at(6, 30),
                RollupRulesTest.at(6, 40), java.util.Map.of(vn.bantin.domain.AssetKind.AUDIO, 10 * MIN), null);
        assertThat(RollupRules.alreadyExpected(rest, underWay)).isTrue();
        assertThat(RollupRules.alreadyExpected(next, underWay)).as("the next window, right after it").isFalse();
        assertThat(RollupRules.alreadyExpected(other, underWay)).as("another campaign").isFalse();
    }
}
