package vn.bantin.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bantin.access.Actor;
import vn.bantin.app.AreaScope;
import vn.bantin.app.ReportService;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.report.ExpectedItem;
import vn.bantin.evidence.report.Measure;
import vn.bantin.evidence.report.PlanReason;
import vn.bantin.evidence.report.Report;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.Sql;
import vn.bantin.store.StoredPlay;

/**
 * Rollups kept as records and plans arrive (in random order, in batches, with re-plans and classifications)
 * against the same reports worked out by scanning every record: equal, section by section, in every period
 * and scope. Real HSQLDB file database.
 */
@DisplayName("Rollup reports equal full-scan reports on a real database")
class RollupEqualityTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant NOW = Instant.parse("2026-03-15T03:30:00Z");
    static final long HOUR = 3_600_000L;
    static final Actor ADMIN = Actor.adminToken();

    @TempDir
    Path dir;
    Database db;
    ReportRollups rollups;
    ReportService reports;
    final Random random = new Random(57);
    final List<Long> endpoints = new ArrayList<>();
    final Map<Long, Long> communes = new HashMap<>();
    long province;

    @BeforeEach
    void open() {
        db = world(dir);
        rollups = new ReportRollups(new AreaRepository());
        reports = reports(db);
    }

    static ReportService reports(Database db) {
        AreaRepository areas = new AreaRepository();
        return new ReportService(db, areas, VN, Clock.fixed(NOW, ZoneOffset.UTC), new AreaScope(areas));
    }

    /** A database with two communes of two hamlets, two speakers each, and three campaigns; same ids every time. */
    Database world(Path path) {
        Database world = Database.open("jdbc:hsqldb:file:" + path.resolve("db/bantin") + ";hsqldb.tx=mvcc", "SA", "");
        AreaRepository areas = new AreaRepository();
        boolean first = endpoints.isEmpty();
        world.tx(c -> {
            province = areas.insert(c, null, "Tỉnh Ninh Bình", VN, null);
            EndpointRepository repo = new EndpointRepository();
            for (int commune = 0; commune < 2; commune++) {
                long communeId = areas.insert(c, province, "Xã " + commune, null, null);
                for (int hamlet = 0; hamlet < 2; hamlet++) {
                    long hamletId = areas.insert(c, communeId, "Thôn " + commune + hamlet, null, null);
                    Sql.update(c, "UPDATE area SET population = ? WHERE id = ?", 1_000L + hamlet * 500, hamletId);
                    for (int e = 0; e < 2; e++) {
                        long id = repo.insert(c, "Loa " + commune + hamlet + e, EndpointKind.SPEAKER, hamletId,
                                java.util.Set.of(), EndpointStatus.ACTIVE, 0);
                        if (first) {
                            endpoints.add(id);
                            communes.put(id, communeId);
                        }
                    }
                }
            }
            for (int i = 1; i <= 3; i++) {
                Sql.insert(c, "INSERT INTO campaign (name, broadcast_class, rank_in_class, start_date, end_date,"
                        + " approved, volume, topic, created_at) VALUES (?, 'NORMAL', 0, ?, ?, TRUE, 80, ?, 0)",
                        "Chiến dịch " + i, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), i == 3 ? null : "Chủ đề " + i);
            }
            return null;
        });
        return world;
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    @DisplayName("every period and scope: the rollup report is the full-scan report")
    void equal() throws Exception {
        List<ExpectedItem> plan = plan();
        Map<Long, List<PlayRecordPayload>> records = records(plan);
        // half the records arrive before the plan is recorded, the rest after, in shuffled batches
        Map<Long, List<PlayRecordPayload>> early = new HashMap<>();
        Map<Long, List<PlayRecordPayload>> late = new HashMap<>();
        records.forEach((e, list) -> {
            early.put(e, list.subList(0, list.size() / 2));
            late.put(e, list.subList(list.size() / 2, list.size()));
        });
        store(early);
        liveSessions(db, rollups, true);
        long planFrom = NOW.toEpochMilli() - 30L * 24 * HOUR;
        db.tx(c -> {
            for (long e : endpoints) {
                rollups.planRecorded(c, e, planFrom, plan.stream().filter(i -> i.endpointId() == e).toList());
            }
            return null;
        });
        store(late);
        liveSessions(db, rollups, false);
        replanAndClassify(plan);

        for (String[] q : List.of(new String[] {"month", null, null}, new String[] {"half", null, null},
                new String[] {"year", null, null}, new String[] {"custom", "2026-03-01", "2026-03-15"},
                new String[] {"custom", "2026-03-13", "2026-03-16"}, new String[] {"today", null, null},
                new String[] {"custom", "2026-02-27", "2026-03-31"})) {
            for (Long area : List.of(province, communes.get(endpoints.get(0)))) {
                for (Long campaign : java.util.Arrays.asList(null, 1L)) {
                    ReportService.Query query = new ReportService.Query(q[0], q[1], q[2], null, area, campaign);
                    Report rollup = reports.report(ADMIN, query);
                    assertThat(rollup).as(String.join(",", java.util.Arrays.asList(q)) + " area " + area
                            + " campaign " + campaign).isEqualTo(reports.reportByFullScan(ADMIN, query));
                }
            }
        }
        yearsLaterEqual();
        Report month = reports.report(ADMIN, new ReportService.Query("month", null, null, null, null, null));
        assertThat(month.total().expected()).isGreaterThan(100);
        assertThat(month.total().get(Measure.PLAYED)).isGreaterThan(20);
        assertThat(month.total().get(Measure.NOT_DELIVERED)).isGreaterThan(0);
        assertThat(month.total().get(Measure.PREEMPTED_LIVE)).isGreaterThan(0);
        assertThat(month.total().completionBase()).isLessThan(month.total().expected());
        assertThat(month.total().get(Measure.LOOP_EXPECTED_MS)).isGreaterThan(0);
        assertThat(month.total().get(Measure.LOOP_PLAYED_MS)).isGreaterThan(0);
        assertThat(month.coverage().reachedPopulation()).isGreaterThan(0);
        // 20:30–21:00 and 21:00–21:30 on 10 March, 23:40–00:30 over the 11th's midnight, 21:00–21:40 on the 14th
        assertThat(month.total().get(Measure.LOOP_PREEMPTED_MS)).isEqualTo((30 + 30 + 50 + 40) * 60_000L);
        assertThat(month.total().loopCompletionBase()).isEqualTo(month.total().get(Measure.LOOP_EXPECTED_MS)
                - (30 + 30 + 50 + 40) * 60_000L);
    }

    /**
     * Live sessions over the loop windows, each on one endpoint, recorded as {@code LivePlan} records them: its entry,
     * the endpoint's state, the count. Before the plan ({@code early}): one on 10 March 20:30–21:10 that a later one
     * (21:00–21:30) cuts. After it: one across the 11th's midnight, one the endpoint was offline for (takes nothing),
     * and one on the 14th planned to 23:00 while on air, then ended at 21:40.
     */
    void liveSessions(Database into, ReportRollups counts, boolean early) {
        long day10 = LocalDate.of(2026, 3, 10).atStartOfDay(VN).toInstant().toEpochMilli();
        long day11 = day10 + 24 * HOUR;
        long day14 = day10 + 4 * 24 * HOUR;
        long minute = 60_000L;
        into.tx(c -> {
            if (early) {
                liveSession(c, counts, 1, endpoints.get(0), day10 + 20 * HOUR + 30 * minute, day10 + 21 * HOUR + 10 * minute,
                        "PLAYING");
                liveSession(c, counts, 2, endpoints.get(0), day10 + 21 * HOUR, day10 + 21 * HOUR + 30 * minute,
                        "WAITING");
            } else {
                liveSession(c, counts, 3, endpoints.get(1), day11 + 23 * HOUR + 40 * minute, day11 + 24 * HOUR + 30 * minute,
                        "PLAYING");
                liveSession(c, counts, 4, endpoints.get(2), day11 + 23 * HOUR, day11 + 24 * HOUR, "OFFLINE");
                liveSession(c, counts, 5, endpoints.get(3), day14 + 21 * HOUR, day14 + 23 * HOUR, "PLAYING");
                Sql.update(c, "UPDATE expected_play SET end_ms = ? WHERE entry_id = 'live-5'",
                        day14 + 21 * HOUR + 40 * minute);
                counts.liveAirChanged(c, endpoints.get(3), day14 + 21 * HOUR, day14 + 23 * HOUR);
            }
            return null;
        });
    }

    static void liveSession(java.sql.Connection c, ReportRollups counts, long id, long endpointId, long start, long end,
                            String state) throws SQLException {
        Sql.update(c, "INSERT INTO live_session (id, title, broadcast_class, status, target_areas, target_tags,"
                + " target_endpoints, started_by, started_at, epoch_ms, ended_at, mount) VALUES (?, ?, 'PRIORITY',"
                + " 'ENDED', '[]', '[]', '[]', 'xa.operator', ?, ?, ?, ?)", id, "Phiên " + id, start - 5_000, start, end,
                "live-" + id);
        Sql.update(c, "INSERT INTO live_session_endpoint (session_id, endpoint_id, endpoint_name, state, changed_at)"
                + " VALUES (?, ?, 'Loa', ?, ?)", id, endpointId, state, start);
        Sql.update(c, "INSERT INTO expected_play (endpoint_id, entry_id, campaign_id, start_ms, duration_ms, asset_kind,"
                + " mode, broadcast_class, end_ms) VALUES (?, ?, ?, ?, ?, 'AUDIO', 'ONCE', 'PRIORITY', ?)", endpointId,
                "live-" + id, vn.bantin.evidence.report.RollupKey.liveSession(id), start, end - start, end);
        counts.liveAirChanged(c, endpointId, start, end);
    }

    /** Once 2026 is settled, its annual report comes from the year cells: still equal, charted by month. */
    void yearsLaterEqual() {
        AreaRepository areas = new AreaRepository();
        ReportService later = new ReportService(db, areas, VN, Clock.fixed(Instant.parse("2027-02-10T00:00:00Z"),
                ZoneOffset.UTC), new AreaScope(areas));
        for (String[] q : List.of(new String[] {"year", null, null, "2026-06-01"},
                new String[] {"custom", "2025-11-15", "2027-01-20", null},
                new String[] {"custom", "2026-03-10", "2027-02-09", null})) {
            for (Long area : List.of(province, communes.get(endpoints.get(0)))) {
                for (Long campaign : java.util.Arrays.asList(null, 3L)) {
                    ReportService.Query query = new ReportService.Query(q[0], q[1], q[2], q[3], area, campaign);
                    assertThat(later.report(ADMIN, query)).as(String.join(",", java.util.Arrays.asList(q)) + " area "
                            + area + " campaign " + campaign).isEqualTo(later.reportByFullScan(ADMIN, query));
                }
            }
        }
        Report year = later.report(ADMIN, new ReportService.Query("year", null, null, "2026-06-01", province, null));
        assertThat(year.series()).extracting(Report.SeriesPoint::bucket).contains(LocalDate.of(2026, 2, 1),
                LocalDate.of(2026, 3, 1));
        long yearCells = db.read(c -> Sql.one(c, "SELECT COUNT(*) FROM report_year", rs -> rs.getLong(1))
                .orElseThrow());
        assertThat(yearCells).isGreaterThan(0);
    }

    @Test
    @DisplayName("the bulk path counts exactly what plan recording and ingest count")
    void bulkEqualsIncremental(@TempDir Path other) throws Exception {
        List<ExpectedItem> plan = plan();
        Map<Long, List<PlayRecordPayload>> records = records(plan);
        long from = NOW.toEpochMilli() - 30L * 24 * HOUR;
        db.tx(c -> {
            for (long e : endpoints) {
                rollups.planRecorded(c, e, from, plan.stream().filter(i -> i.endpointId() == e).toList());
            }
            return null;
        });
        store(records);
        liveSessions(db, rollups, true);
        liveSessions(db, rollups, false);
        try (Database bulk = world(other)) {
            ReportRollups bulkRollups = new ReportRollups(new AreaRepository());
            liveSessions(bulk, bulkRollups, true);
            liveSessions(bulk, bulkRollups, false);
            PlayRecordRepository repo = new PlayRecordRepository();
            for (long e : endpoints) {
                List<PlayRecordPayload> mine = records.getOrDefault(e, List.of());
                bulk.tx(c -> {
                    repo.insertAll(c, mine.stream().map(r -> stored("dev" + e, e, r)).toList());
                    bulkRollups.bulkLoaded(c, e, "dev" + e, from, plan, mine);
                    return null;
                });
            }
            for (String period : List.of("month", "year", "today", "half")) {
                ReportService.Query q = new ReportService.Query(period, null, null, null, province, null);
                assertThat(reports(bulk).report(ADMIN, q)).as(period).isEqualTo(reports.report(ADMIN, q));
            }
            assertThatThrownBy(() -> bulk.tx(c -> {
                bulkRollups.bulkLoaded(c, endpoints.get(0), "dev", from, plan, List.of());
                return null;
            })).hasMessageContaining("already has report counts");
        }
    }

    @Test
    @DisplayName("relay and live records with gaps: rollups and the full scan both count only the time on air")
    void relayAndLiveGapsAgree() throws Exception {
        long e = endpoints.get(0);
        long day = LocalDate.of(2026, 3, 10).atStartOfDay(VN).toInstant().toEpochMilli();
        long relayStart = day + 6 * HOUR;
        long liveStart = day + 9 * HOUR;
        long liveRow = vn.bantin.evidence.report.RollupKey.liveSession(7);
        ExpectedItem relay = new ExpectedItem(e, "relay-1", 1, SlotMode.STREAM, relayStart, relayStart + HOUR,
                Map.of(AssetKind.AUDIO, HOUR), null);
        ExpectedItem live = new ExpectedItem(e, "live-7", liveRow, SlotMode.ONCE, liveStart, liveStart + 600_000,
                Map.of(AssetKind.AUDIO, 600_000L), null);
        // the relay heard for 50 of its 60 minutes (gaps filled by fallback), the live session 9 of 10 minutes
        PlayRecordPayload relayRecord = new PlayRecordPayload("d", 1, PlayRecordPayload.GENESIS_HASH, "relay-1", 1L,
                BroadcastClass.NORMAL, SlotMode.STREAM, "c".repeat(64), relayStart, relayStart, relayStart + HOUR,
                PlayOutcome.PLAYED, null, 0, null, 50 * 60_000L);
        PlayRecordPayload liveRecord = new PlayRecordPayload("d", 2, PlayRecordPayload.GENESIS_HASH, "live-7", 0L,
                BroadcastClass.EMERGENCY, SlotMode.STREAM, "d".repeat(64), liveStart, liveStart + 200,
                liveStart + 600_200, PlayOutcome.PLAYED, null, 0, null, 540_000L);
        PlayRecordRepository repo = new PlayRecordRepository();
        db.tx(c -> {
            rollups.planRecorded(c, e, day, List.of(relay));
            rollups.liveExpected(c, live);
            for (PlayRecordPayload r : List.of(relayRecord, liveRecord)) {
                repo.insert(c, stored("dev" + e, e, r));
            }
            rollups.recordsStored(c, e, "dev" + e, List.of(relayRecord, liveRecord), 0, 0);
            return null;
        });
        for (Long campaign : java.util.Arrays.asList(null, 1L)) {
            ReportService.Query q = new ReportService.Query("custom", "2026-03-10", "2026-03-10", null, province,
                    campaign);
            assertThat(reports.report(ADMIN, q)).as("campaign " + campaign).isEqualTo(reports.reportByFullScan(ADMIN,
                    q));
        }
        Report day10 = reports.report(ADMIN, new ReportService.Query("custom", "2026-03-10", "2026-03-10", null,
                province, null));
        var byCampaign = day10.campaigns().stream().collect(java.util.stream.Collectors.toMap(
                vn.bantin.evidence.report.ReportLine::id, l -> l));
        assertThat(byCampaign.get(1L).figures().get(Measure.AIRTIME_MS)).isEqualTo(50 * 60_000L);
        assertThat(byCampaign.get(1L).figures().get(Measure.LOOP_EXPECTED_MS)).isEqualTo(HOUR);
        assertThat(byCampaign.get(1L).figures().get(Measure.LOOP_PLAYED_MS)).isEqualTo(50 * 60_000L);
        var liveLine = byCampaign.get(liveRow).figures();
        assertThat(liveLine.expected()).isEqualTo(1);
        assertThat(liveLine.get(Measure.PLAYED)).isEqualTo(1);
        assertThat(liveLine.get(Measure.AIRTIME_MS)).isEqualTo(540_000L);
        assertThat(liveLine.get(Measure.LOOP_PLAYED_MS)).as("a live session is a broadcast, not loop airtime")
                .isZero();
        assertThat(byCampaign).doesNotContainKey(vn.bantin.evidence.report.RollupKey.NO_CAMPAIGN);
    }

    @Test
    @DisplayName("a relay window an alert cut mid-way: expected whole, the alert's stretch yielded to the alert by name,"
            + " the rest the new plan resumes not expected twice; rollups and the full scan agree")
    void relayCutByAnAlertYieldsToIt() throws Exception {
        long e = endpoints.get(0);
        long day = LocalDate.of(2026, 3, 10).atStartOfDay(VN).toInstant().toEpochMilli();
        long relayStart = day + 6 * HOUR;
        long alertStart = relayStart + 30 * 60_000L;
        long alertEnd = alertStart + 60_000L;
        long relayEnd = relayStart + HOUR;
        long alertId = alert(db, e, "Lũ quét: sơ tán", alertStart, alertEnd);
        String alertEntry = vn.bantin.schedule.AlertOverlay.entryId(e, alertId, 0);
        ExpectedItem relay = new ExpectedItem(e, "relay-1", 1, SlotMode.STREAM, relayStart, relayEnd,
                Map.of(AssetKind.AUDIO, HOUR), null);
        // the plan after the alert, recorded mid-way: the alert, then the rest of the relay as a part of its own
        ExpectedItem alert = new ExpectedItem(e, alertEntry, 0, SlotMode.ONCE, alertStart, alertEnd,
                Map.of(AssetKind.AUDIO, 60_000L), null);
        ExpectedItem rest = new ExpectedItem(e, "relay-1-after", 1, SlotMode.STREAM, alertEnd, relayEnd,
                Map.of(AssetKind.AUDIO, relayEnd - alertEnd), null);
        PlayRecordPayload cut = new PlayRecordPayload("d", 1, PlayRecordPayload.GENESIS_HASH, "relay-1", 1L,
                BroadcastClass.NORMAL, SlotMode.STREAM, "c".repeat(64), relayStart, relayStart, alertStart - 150,
                PlayOutcome.INTERRUPTED, "preempted by emergency alert", 0, null, 25 * 60_000L);
        PlayRecordPayload siren = new PlayRecordPayload("d", 2, PlayRecordPayload.GENESIS_HASH, alertEntry, 0L, BroadcastClass.EMERGENCY,
                SlotMode.ONCE, "e".repeat(64), alertStart, alertStart + 100, alertEnd + 100, PlayOutcome.PLAYED, null,
                0, null, null);
        PlayRecordPayload resumed = new PlayRecordPayload("d", 3, PlayRecordPayload.GENESIS_HASH, "relay-1-after", 1L, BroadcastClass.NORMAL,
                SlotMode.STREAM, "c".repeat(64), alertEnd, alertEnd + 3_000, relayEnd, PlayOutcome.PLAYED, null, 0,
                null, relayEnd - alertEnd - 3_000);
        PlayRecordRepository repo = new PlayRecordRepository();
        db.tx(c -> {
            rollups.planRecorded(c, e, day, List.of(relay));
            rollups.recordsStored(c, e, "dev" + e, store(c, repo, e, cut), 0, 0);
            rollups.planRecorded(c, e, alertStart + 1_000, List.of(alert, rest));
            rollups.recordsStored(c, e, "dev" + e, store(c, repo, e, siren, resumed), 0, 0);
            return null;
        });
        ReportService.Query q = new ReportService.Query("custom", "2026-03-10", "2026-03-10", null, province, 1L);
        Report day10 = reports.report(ADMIN, q);
        assertThat(day10).isEqualTo(reports.reportByFullScan(ADMIN, q));
        var relayLine = day10.total();
        assertThat(relayLine.get(Measure.LOOP_EXPECTED_MS)).as("the window as planned, once").isEqualTo(HOUR);
        assertThat(relayLine.get(Measure.LOOP_ALERT_MS)).as("the alert's record on air").isEqualTo(60_000L);
        assertThat(relayLine.get(Measure.LOOP_PREEMPTED_MS)).isZero();
        assertThat(relayLine.get(Measure.LOOP_PLAYED_MS)).as("the relay's time on air, both parts")
                .isEqualTo(25 * 60_000L + relayEnd - alertEnd - 3_000);
        assertThat(relayLine.loopCompletionBase()).isEqualTo(HOUR - 60_000L);

        List<vn.bantin.evidence.report.ExceptionItem> items = reports.exceptions(ADMIN, q, 0, 50).items();
        assertThat(items).extracting(i -> i.status() + " | " + vn.bantin.evidence.export.ExceptionWords.heading(i, VN)
                + " | " + vn.bantin.evidence.export.ExceptionWords.explanation(i, VN) + " | " + i.dueMs())
                .containsExactly("INTERRUPTED | Nhường cho bản tin khẩn cấp | Nhường cho bản tin khẩn cấp: Lũ quét: sơ"
                        + " tán (06:30–06:31) | " + (alertStart + 100));
    }

    /** An alert on one endpoint, delivered there and started, its audio a minute long. */
    static long alert(Database into, long endpointId, String title, long start, long end) {
        return into.tx(c -> {
            long id = Sql.insert(c, "INSERT INTO alert (title, visual_duration_ms, start_ms, repeat_count, interval_ms,"
                    + " last_end_ms, volume, status, created_at, created_by) VALUES (?, 0, ?, 1, 0, ?, 100, 'ACTIVE',"
                    + " ?, 'xa.operator')", title, start, end, start);
            Sql.update(c, "INSERT INTO alert_delivery (alert_id, endpoint_id, endpoint_name, state, delivered_at,"
                    + " started_at) VALUES (?, ?, 'Loa', 'STARTED', ?, ?)", id, endpointId, start, start + 100);
            return id;
        });
    }

    private static List<PlayRecordPayload> store(java.sql.Connection c, PlayRecordRepository repo, long endpointId,
                                                 PlayRecordPayload... records) throws SQLException {
        for (PlayRecordPayload r : records) {
            repo.insert(c, stored("dev" + endpointId, endpointId, r));
        }
        return List.of(records);
    }

    /** Three bulletins a day per endpoint and a two-hour loop from 20:00 (across midnight on some days). */
    List<ExpectedItem> plan() {
        List<ExpectedItem> items = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 2, 25);
        for (long e : endpoints) {
            for (LocalDate d = first; d.isBefore(LocalDate.of(2026, 3, 20)); d = d.plusDays(1)) {
                long dayStart = d.atStartOfDay(VN).toInstant().toEpochMilli();
                for (int b = 0; b < 3; b++) {
                    long start = dayStart + (6 + b * 5) * HOUR;
                    items.add(new ExpectedItem(e, "once-" + d + "-" + b, 1 + b % 2, SlotMode.ONCE, start,
                            start + 600_000, Map.of(AssetKind.AUDIO, 600_000L), null));
                }
                long loop = dayStart + (d.getDayOfMonth() % 2 == 0 ? 20 : 23) * HOUR;
                items.add(new ExpectedItem(e, "loop-" + d, 3, SlotMode.LOOP, loop, loop + 2 * HOUR,
                        Map.of(AssetKind.AUDIO, 60_000L), null));
            }
        }
        return items;
    }

    /** For items already due: some played, some missed, failed, interrupted, some silent; plus alerts. */
    Map<Long, List<PlayRecordPayload>> records(List<ExpectedItem> plan) {
        Map<Long, List<PlayRecordPayload>> out = new HashMap<>();
        Map<Long, long[]> seqs = new HashMap<>();
        for (ExpectedItem item : plan) {
            if (item.startMs() >= NOW.toEpochMilli()) {
                continue;
            }
            List<PlayRecordPayload> list = out.computeIfAbsent(item.endpointId(), k -> new ArrayList<>());
            long[] seq = seqs.computeIfAbsent(item.endpointId(), k -> new long[1]);
            if (item.mode() == SlotMode.LOOP) {
                for (long t = item.startMs(); t < item.endMs(); t += 60_000 + random.nextInt(3) * 30_000L) {
                    PlayOutcome o = random.nextInt(10) == 0 ? PlayOutcome.FAILED : PlayOutcome.PLAYED;
                    list.add(record(item, ++seq[0], t, o, o == PlayOutcome.PLAYED ? 60_000 : 0));
                }
                continue;
            }
            int roll = random.nextInt(10);
            if (roll < 2) {
                continue;
            }
            PlayOutcome o = roll < 6 ? PlayOutcome.PLAYED : roll < 7 ? PlayOutcome.MISSED
                    : roll < 8 ? PlayOutcome.FAILED : PlayOutcome.INTERRUPTED;
            list.add(record(item, ++seq[0], item.startMs(), o, o == PlayOutcome.INTERRUPTED ? 100_000 : 600_000));
            if (o != PlayOutcome.PLAYED && random.nextBoolean()) {
                list.add(record(item, ++seq[0], item.startMs(), PlayOutcome.PLAYED, 600_000));
            }
            if (random.nextInt(20) == 0) {
                list.add(new PlayRecordPayload("d", ++seq[0], PlayRecordPayload.GENESIS_HASH, "alert-" + seq[0], null,
                        BroadcastClass.EMERGENCY, SlotMode.ONCE, "b".repeat(64), item.startMs() + 1_000,
                        item.startMs() + 1_000, item.startMs() + 31_000, PlayOutcome.PLAYED, null, 0, null));
            }
        }
        out.values().forEach(list -> Collections.shuffle(list, random));
        return out;
    }

    PlayRecordPayload record(ExpectedItem item, long seq, long scheduled, PlayOutcome o, long airtime) {
        Long start = o == PlayOutcome.MISSED ? null : scheduled + 50;
        Long end = start == null ? null : start + (o == PlayOutcome.FAILED ? 0 : airtime);
        return new PlayRecordPayload("d", seq, PlayRecordPayload.GENESIS_HASH, item.entryId(), item.campaignId(),
                BroadcastClass.NORMAL, item.mode(), "a".repeat(64), scheduled, start, end, o,
                o == PlayOutcome.PLAYED ? null : "lý do", 0, null);
    }

    /** Stores records in batches of up to 40, each batch in one transaction with its rollups. */
    void store(Map<Long, List<PlayRecordPayload>> records) {
        PlayRecordRepository repo = new PlayRecordRepository();
        records.forEach((endpoint, list) -> {
            String device = "dev" + endpoint;
            for (int i = 0; i < list.size(); i += 40) {
                List<PlayRecordPayload> batch = list.subList(i, Math.min(list.size(), i + 40));
                db.tx(c -> {
                    for (PlayRecordPayload r : batch) {
                        repo.insert(c, stored(device, endpoint, r));
                    }
                    rollups.recordsStored(c, endpoint, device, batch, 0, 0);
                    return null;
                });
            }
        });
    }

    /** The plan from a day ago on changes: every third bulletin withdrawn; some items classified. */
    void replanAndClassify(List<ExpectedItem> plan) throws SQLException {
        long from = NOW.toEpochMilli() - 24 * HOUR;
        db.tx(c -> {
            for (long e : endpoints) {
                List<ExpectedItem> kept = new ArrayList<>();
                int n = 0;
                for (ExpectedItem item : plan) {
                    if (item.endpointId() == e && item.startMs() >= from && (item.mode() == SlotMode.LOOP || n++ % 3 != 0)) {
                        kept.add(item);
                    }
                }
                rollups.planRecorded(c, e, from, kept);
            }
            int classified = 0;
            for (ExpectedItem item : plan) {
                if (random.nextInt(12) == 0) {
                    // every reason in turn, a live session's preemption among them
                    PlanReason reason = PlanReason.values()[classified++ % PlanReason.values().length];
                    rollups.classified(c, item.endpointId(), item.entryId(), reason);
                }
            }
            return null;
        });
    }

    static StoredPlay stored(String device, long endpoint, PlayRecordPayload r) {
        return new StoredPlay(device, r.seq(), endpoint, payload(r), "sig", "h" + r.seq(), r.prevHash(), r.entryId(),
                r.campaignId(), r.broadcastClass().name(), r.mode().name(), r.sha256(), r.scheduledStart(),
                r.actualStart(), r.actualEnd(), r.outcome().name(), r.reason(), false, 0,
                new vn.bantin.evidence.PlayNames(null, null, null, null, null, null));
    }


    /** The record's payload as a device signs it (a full scan reads a relay's on-air time from it). */
    static String payload(PlayRecordPayload r) {
        io.vertx.core.json.JsonObject p = new io.vertx.core.json.JsonObject().put("deviceId", r.deviceId())
                .put("seq", r.seq()).put("prevHash", r.prevHash()).put("entryId", r.entryId())
                .put("campaignId", r.campaignId()).put("class", r.broadcastClass().name()).put("mode", r.mode().name())
                .put("sha256", r.sha256()).put("scheduledStart", r.scheduledStart()).put("actualStart", r.actualStart())
                .put("actualEnd", r.actualEnd()).put("outcome", r.outcome().name()).put("reason", r.reason())
                .put("clockOffsetMs", r.clockOffsetMs()).put("timelineVersion", r.timelineVersion());
        if (r.onAirMs() != null) {
            p.put("onAirMs", r.onAirMs()).put("gaps", new io.vertx.core.json.JsonArray());
        }
        return p.encode();
    }
}
