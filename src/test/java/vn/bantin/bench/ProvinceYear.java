package vn.bantin.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import vn.bantin.app.report.ReportRollups;
import vn.bantin.domain.AssetKind;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.SlotMode;
import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.PlayOutcome;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.report.ExpectedItem;
import vn.bantin.security.Ed25519Verifier;
import vn.bantin.store.AreaRepository;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.PlayRecordRepository;
import vn.bantin.store.Sql;
import vn.bantin.store.StoredPlay;

/**
 * One province, one year (2025), 1,000 endpoints, 10,000 signed records each: loaded straight into the database
 * by the bulk path: the records inserted as ingest inserts them and counted with the plan by
 * ReportRollups.bulkLoaded (the same rules as ingest, written once; RollupEqualityTest holds the two equal), one
 * transaction per endpoint. Per endpoint and day: eight bulletins
 * (06:00–06:45, 17:00–17:45) and a two-hour loop from 19:00 of nineteen six-minute items; an alert on 145 days.
 */
final class ProvinceYear {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int COMMUNES = 20;
    static final int HAMLETS = 2;
    static final int PER_HAMLET = 25;
    static final int CAMPAIGNS = 12;
    static final int RECORDS_PER_ENDPOINT = Integer.getInteger("bench.records.per.endpoint", 10_000);
    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final String[] TOPICS = {"Chuyển đổi số", "Nghị quyết 57", "An toàn giao thông", "Phòng chống thiên tai"};
    private static final int BATCH = 2_000;
    private static final int LOAD_CACHE_ROWS = 3_000_000;
    private static final int LOAD_CACHE_KB = 2_000_000;
    private static final int DEFAULT_CACHE_ROWS = 50_000;
    private static final int DEFAULT_CACHE_KB = 10_000;
    private static final long MIN = 60_000;

    private ProvinceYear() {
    }

    static void load(Path dataDir) throws Exception {
        String url = System.getProperty("bench.db.url");
        long t0 = System.nanoTime();
        try (Database db = Database.open(url, "SA", "")) {
            // a dataset, not evidence arriving: no redo log while loading, one checkpoint to make it durable; a
            // cache big enough for the growing indexes while loading (HSQLDB's default, kept for the controller,
            // re-reads index rows from the file on nearly every insert once the table is large)
            files(db, "SET FILES LOG FALSE");
            files(db, "SET FILES CACHE ROWS " + LOAD_CACHE_ROWS);
            files(db, "SET FILES CACHE SIZE " + LOAD_CACHE_KB);
            List<long[]> endpoints = setUp(db);
            ReportRollups rollups = new ReportRollups(new AreaRepository());
            AtomicLong stored = new AtomicLong();
            AtomicLong done = new AtomicLong();
            LoadClock clock = new LoadClock();
            new ForkJoinPool(Integer.getInteger("bench.load.threads", 2)).submit(() -> endpoints.parallelStream()
                    .forEach(e -> {
                        loadEndpoint(db, rollups, e[0], stored, clock);
                        if (done.incrementAndGet() % 100 == 0) {
                            System.out.printf("#   %d endpoints, %d records, %.0f s%n", done.get(), stored.get(),
                                    (System.nanoTime() - t0) / 1e9);
                        }
                    })).get();
            files(db, "CHECKPOINT");
            printRows(db);
            files(db, "SET FILES CACHE ROWS " + DEFAULT_CACHE_ROWS);
            files(db, "SET FILES CACHE SIZE " + DEFAULT_CACHE_KB);
            files(db, "SET FILES LOG TRUE");
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("# loaded %d signed records for %d endpoints in %.0f s (%.0f records/s); thread time:"
                    + " %.0f s making and signing records, %.0f s storing records and rollups (signing with %s)%n",
                    stored.get(), endpoints.size(), seconds, stored.get() / seconds, clock.making.get() / 1e9,
                    clock.storing.get() / 1e9, Ed25519Verifier.implementation());
        }
    }

    /** A kept dataset brought up to today's migrations, before a controller (which allows itself a minute) opens it. */
    static void migrate() {
        long t0 = System.nanoTime();
        try (Database db = Database.open(System.getProperty("bench.db.url"), "SA", "")) {
            System.out.printf("# kept dataset migrated to the current schema in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * What the database holds: the plan's rollups (report_day, report_entry: per endpoint and day of the year)
     * do not grow with the records; play_record does (~1 kB a row: the signed payload and the fields read from it).
     */
    private static void printRows(Database db) {
        db.tx(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT TABLE_NAME, CARDINALITY FROM"
                    + " INFORMATION_SCHEMA.SYSTEM_TABLESTATS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND CARDINALITY >= 1000"
                    + " ORDER BY CARDINALITY DESC")) {
                StringBuilder out = new StringBuilder("# rows:");
                while (rs.next()) {
                    out.append(' ').append(rs.getString(1).toLowerCase(java.util.Locale.ROOT)).append(' ')
                            .append(rs.getLong(2));
                }
                System.out.println(out);
            }
            return null;
        });
    }

    private static void files(Database db, String statement) {
        db.tx(c -> {
            try (var s = c.createStatement()) {
                s.execute(statement);
            }
            return null;
        });
    }

    /** Areas with populations, endpoints with households, campaigns with topics, their assets. */
    private static List<long[]> setUp(Database db) {
        return db.tx(c -> {
            AreaRepository areas = new AreaRepository();
            EndpointRepository endpoints = new EndpointRepository();
            long province = areas.insert(c, null, "Tỉnh Ninh Bình", ZONE, null);
            List<long[]> out = new ArrayList<>();
            for (int i = 1; i <= CAMPAIGNS; i++) {
                Sql.insert(c, "INSERT INTO campaign (name, broadcast_class, rank_in_class, start_date, end_date,"
                        + " approved, volume, topic, created_at) VALUES (?, 'NORMAL', 0, ?, ?, TRUE, 80, ?, 0)",
                        "Chiến dịch " + i, FIRST, FIRST.plusYears(1).minusDays(1), TOPICS[i % TOPICS.length]);
                Sql.insert(c, "INSERT INTO asset (sha256, name, kind, size_bytes, duration_ms, approved, created_at)"
                        + " VALUES (?, ?, 'AUDIO', 1000, 300000, TRUE, 0)", sha(i), "ban-tin-" + i + ".mp3");
            }
            for (int m = 0; m < COMMUNES; m++) {
                long commune = areas.insert(c, province, "Xã " + (m + 1), null, null);
                Sql.update(c, "UPDATE area SET population = ? WHERE id = ?", 12_000L, commune);
                for (int h = 0; h < HAMLETS; h++) {
                    long hamlet = areas.insert(c, commune, "Thôn " + (m + 1) + "." + (h + 1), null, null);
                    Sql.update(c, "UPDATE area SET population = ? WHERE id = ?", 4_000L + h * 1_000, hamlet);
                    for (int e = 0; e < PER_HAMLET; e++) {
                        long id = endpoints.insert(c, "Cụm loa " + (m + 1) + "." + (h + 1) + "." + (e + 1),
                                EndpointKind.SPEAKER, hamlet, Set.of(), EndpointStatus.ACTIVE, 0);
                        Sql.update(c, "UPDATE endpoint SET households = ? WHERE id = ?", 150L, id);
                        out.add(new long[] {id});
                    }
                }
            }
            return out;
        });
    }

    /** Where the loading threads' time goes, summed over threads: the split the 10M extrapolation rests on. */
    private static final class LoadClock {
        final AtomicLong making = new AtomicLong();
        final AtomicLong storing = new AtomicLong();
    }

    private static void loadEndpoint(Database db, ReportRollups rollups, long endpointId, AtomicLong stored,
                                     LoadClock clock) {
        long t0 = System.nanoTime();
        BenchAgent agent = new BenchAgent();
        Random random = new Random(endpointId);
        List<StoredPlay> rows = new ArrayList<>(RECORDS_PER_ENDPOINT);
        List<PlayRecordPayload> fields = new ArrayList<>(RECORDS_PER_ENDPOINT);
        int alerts = 0;
        for (LocalDate d = FIRST; agent.seq() < RECORDS_PER_ENDPOINT; d = d.plusDays(1)) {
            for (ExpectedItem item : day(endpointId, d)) {
                if (item.mode() == SlotMode.ONCE) {
                    add(endpointId, agent, item.entryId(), item.campaignId(), SlotMode.ONCE, item.startMs(),
                            onceOutcome(random), 5 * MIN, rows, fields);
                } else {
                    for (int i = 0; i < 19; i++) {
                        add(endpointId, agent, item.entryId(), item.campaignId(), SlotMode.LOOP,
                                item.startMs() + i * 6 * MIN, random.nextInt(33) == 0 ? PlayOutcome.FAILED
                                        : PlayOutcome.PLAYED, 6 * MIN, rows, fields);
                    }
                }
            }
            if (d.getDayOfYear() % 5 < 2 && alerts++ < RECORDS_PER_ENDPOINT - 27 * 365) {
                add(endpointId, agent, "alert-" + d, null, SlotMode.ONCE, dayStart(d) + 12 * 60 * MIN,
                        PlayOutcome.PLAYED, MIN, rows, fields);
            }
        }
        PlayRecordRepository repo = new PlayRecordRepository();
        long t1 = System.nanoTime();
        clock.making.addAndGet(t1 - t0);
        db.tx(c -> {
            new EndpointRepository().bindKey(c, endpointId, agent.deviceId(), agent.key.publicKeyBase64(), "{}",
                    EndpointStatus.ACTIVE);
            for (int i = 0; i < rows.size(); i += BATCH) {
                repo.insertAll(c, rows.subList(i, Math.min(rows.size(), i + BATCH)));
            }
            rollups.recordsNamed(c, rows);
            rollups.bulkLoaded(c, endpointId, agent.deviceId(), dayStart(FIRST), plan(endpointId), fields);
            return null;
        });
        clock.storing.addAndGet(System.nanoTime() - t1);
        stored.addAndGet(rows.size());
    }

    private static void add(long endpointId, BenchAgent agent, String entryId, Long campaign, SlotMode mode, long scheduled,
                            PlayOutcome outcome, long lengthMs, List<StoredPlay> rows, List<PlayRecordPayload> fields) {
        Long start = outcome == PlayOutcome.MISSED ? null : scheduled + 40;
        Long end = start == null ? null : start + (outcome == PlayOutcome.FAILED ? 0
                : outcome == PlayOutcome.INTERRUPTED ? lengthMs / 3 : lengthMs);
        String sha = sha(campaign == null ? 0 : campaign);
        String prev = agent.prevHash();
        String[] rec = agent.next(entryId, campaign, mode.name(), sha, scheduled, start, end, outcome.name());
        PlayRecordPayload p = new PlayRecordPayload(agent.deviceId(), agent.seq(), prev, entryId,
                campaign, BroadcastClass.NORMAL, mode, sha, scheduled, start, end, outcome,
                outcome == PlayOutcome.PLAYED ? null : "mất điện", 0, null, null, PlayRecordPayload.CHAIN_SIGNED);
        fields.add(p);
        rows.add(new StoredPlay(agent.deviceId(), agent.seq(), endpointId, rec[0], rec[1], rec[2], prev, entryId, campaign,
                "NORMAL", mode.name(), sha, scheduled, start, end, outcome.name(), p.reason(), false, 0,
                namesAtPlayTime(campaign)));
    }

    /** What ingest stores with each record: the campaign's names as they were when it played. */
    private static PlayNames namesAtPlayTime(Long campaign) {
        return campaign == null ? new PlayNames(null, null, null, null, null, null)
                : new PlayNames("Chiến dịch " + campaign, "ban-tin-" + campaign + ".mp3", null, null, null,
                        TOPICS[(int) (campaign % TOPICS.length)]);
    }

    private static PlayOutcome onceOutcome(Random random) {
        int roll = random.nextInt(100);
        return roll < 90 ? PlayOutcome.PLAYED : roll < 94 ? PlayOutcome.MISSED : roll < 97 ? PlayOutcome.INTERRUPTED
                : PlayOutcome.FAILED;
    }

    static List<ExpectedItem> plan(long endpointId) {
        List<ExpectedItem> items = new ArrayList<>();
        for (LocalDate d = FIRST; d.getYear() == FIRST.getYear(); d = d.plusDays(1)) {
            items.addAll(day(endpointId, d));
        }
        return items;
    }

    private static List<ExpectedItem> day(long endpointId, LocalDate d) {
        List<ExpectedItem> items = new ArrayList<>(9);
        long start = dayStart(d);
        for (int s = 0; s < 8; s++) {
            long at = start + (s < 4 ? 6 * 60 + s * 15 : 17 * 60 + (s - 4) * 15) * MIN;
            items.add(new ExpectedItem(endpointId, "s" + s + "/" + d + "/" + endpointId, 1 + (s + endpointId) % 8,
                    SlotMode.ONCE, at, at + 5 * MIN, Map.of(AssetKind.AUDIO, 5 * MIN), null));
        }
        long loop = start + 19 * 60 * MIN;
        items.add(new ExpectedItem(endpointId, "loop/" + d + "/" + endpointId, 9 + endpointId % 4, SlotMode.LOOP,
                loop, loop + 120 * MIN, Map.of(AssetKind.AUDIO, 6 * MIN), null));
        return items;
    }

    static long dayStart(LocalDate d) {
        return d.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    static String sha(long campaign) {
        return String.format("%064x", campaign + 1);
    }
}
