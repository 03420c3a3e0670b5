package vn.bantin.bench;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
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
import vn.bantin.schedule.AffectedEndpoints;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.schedule.CompiledSchedule;
import vn.bantin.schedule.ScheduleInput;
import vn.bantin.schedule.TimelineCompiler;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Province-scale schedule compilation (ops/bench/schedule): 100 communes × 30 sub-areas, 10,000
 * endpoints, 500 campaigns, 7 days. Prints BENCH lines; the baseline (bare cron-utils expansion of
 * every slot) is measured in the same run. Fixed seed: the same province every run.
 */
public final class ScheduleBench {

    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final String[] TAGS = {"cho", "truong-hoc", "uy-ban", "tram-y-te", "ben-xe"};
    private static final int COMMUNES = 100;
    private static final int SUB_AREAS = 30;

    private final Random random = new Random(20260901L);
    private final List<Area> areas = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Campaign> campaigns = new ArrayList<>();

    public static void main(String[] args) {
        ScheduleBench bench = new ScheduleBench();
        bench.generate();
        long from = START.atStartOfDay(HCM).toInstant().toEpochMilli();
        long to = START.plusDays(7).atStartOfDay(HCM).toInstant().toEpochMilli();
        ScheduleInput full = new ScheduleInput(bench.areas, bench.endpoints, bench.campaigns, from, to);

        bench.baseline(from, to);
        resetPeaks();
        CompiledSchedule warm = TimelineCompiler.compile(full);
        long[] fullMs = new long[3];
        for (int i = 0; i < fullMs.length; i++) {
            long t0 = System.nanoTime();
            TimelineCompiler.compile(full);
            fullMs[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long peak = peakHeapBytes();
        System.out.println("BENCH schedule.full_compile_ms " + median(fullMs) + " ms");
        bench.incremental(from, to);
        System.out.println("BENCH schedule.peak_heap_mb " + peak / (1024 * 1024) + " MB");
        long entries = warm.timelines().values().stream().mapToLong(t -> t.entries().size()).sum();
        System.out.println("# " + bench.areas.size() + " areas, " + bench.endpoints.size() + " endpoints, "
                + bench.campaigns.size() + " campaigns; " + entries + " entries, " + warm.conflicts().size()
                + " conflicts over 7 days; full runs " + Arrays.toString(fullMs) + " ms");
    }

    /** A change to one commune's campaign: find the endpoints it reaches, recompile only those. */
    private void incremental(long from, long to) {
        int index = -1;
        for (int i = 0; i < campaigns.size() && index < 0; i++) {
            Campaign c = campaigns.get(i);
            if (c.targets().areaIds().size() == 1 && c.targets().areaIds().iterator().next() < 1000) {
                index = i;
            }
        }
        long[] runs = new long[7];
        int affected = 0;
        for (int r = 0; r < runs.length + 2; r++) {
            Campaign old = campaigns.get(index);
            Campaign changed = new Campaign(old.id(), old.name(), old.broadcastClass(), old.rank() + 1,
                    old.startDate(), old.endDate(), old.approved(), old.volume(), old.topic(), old.playlist(),
                    old.slots(), old.targets());
            List<Campaign> after = new ArrayList<>(campaigns);
            after.set(index, changed);
            long t0 = System.nanoTime();
            Set<Long> ids = AffectedEndpoints.of(ChangeScope.campaigns(changed.id()), areas, endpoints, after);
            List<Endpoint> reached = endpoints.stream().filter(e -> ids.contains(e.id())).toList();
            TimelineCompiler.compile(new ScheduleInput(areas, reached, after, from, to));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (r >= 2) {
                runs[r - 2] = ms;
            }
            affected = ids.size();
        }
        System.out.println("BENCH schedule.incremental_ms " + median(runs) + " ms");
        System.out.println("# incremental: " + affected + " endpoints reached; runs " + Arrays.toString(runs) + " ms");
    }

    /** Plain cron-utils expansion of every cron slot over the window in one zone, without any resolution. */
    private void baseline(long from, long to) {
        CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
        ZonedDateTime start = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(from), HCM);
        ZonedDateTime end = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(to), HCM);
        long[] runs = new long[3];
        long count = 0;
        for (int r = 0; r < runs.length + 1; r++) {
            long t0 = System.nanoTime();
            count = 0;
            for (Campaign c : campaigns) {
                for (Slot s : c.slots()) {
                    if (s.cron() == null) {
                        continue;
                    }
                    ExecutionTime time = ExecutionTime.forCron(parser.parse(s.cron()));
                    ZonedDateTime t = start.minusSeconds(1);
                    while (true) {
                        var next = time.nextExecution(t);
                        if (next.isEmpty() || !next.get().isBefore(end)) {
                            break;
                        }
                        t = next.get();
                        count++;
                    }
                }
            }
            if (r >= 1) {
                runs[r - 1] = (System.nanoTime() - t0) / 1_000_000;
            }
        }
        System.out.println("BENCH schedule.baseline_cron_expand_ms " + median(runs) + " ms");
        System.out.println("# baseline: " + count + " cron starts");
    }

    private void generate() {
        areas.add(new Area(1, null, "Tỉnh", HCM, null));
        for (int c = 0; c < COMMUNES; c++) {
            long commune = 100 + c;
            QuietHours quiet = c % 4 == 3 ? null : new QuietHours(LocalTime.of(21, 30 - (c % 3) * 15),
                    LocalTime.of(5, 30));
            areas.add(new Area(commune, 1L, "Xã " + c, null, quiet));
            for (int s = 0; s < SUB_AREAS; s++) {
                areas.add(new Area(subArea(c, s), commune, "Thôn " + c + "." + s, null, null));
            }
        }
        for (int e = 0; e < 10_000; e++) {
            int c = random.nextInt(COMMUNES);
            Set<String> tags = new HashSet<>();
            if (random.nextInt(4) == 0) {
                tags.add(TAGS[random.nextInt(TAGS.length)]);
            }
            EndpointKind kind = random.nextInt(5) < 3 ? EndpointKind.SPEAKER : EndpointKind.SCREEN;
            endpoints.add(new Endpoint(10_000 + e, "thiết bị " + e, kind, subArea(c, random.nextInt(SUB_AREAS)), tags,
                    EndpointStatus.ACTIVE));
        }
        for (int i = 0; i < 500; i++) {
            campaigns.add(campaign(1 + i));
        }
    }

    private static long subArea(int commune, int sub) {
        return 1000 + commune * 100L + sub;
    }

    private Campaign campaign(long id) {
        boolean screen = random.nextInt(3) == 0;
        List<PlaylistItem> playlist = new ArrayList<>();
        int items = 1 + random.nextInt(3);
        for (int i = 0; i < items; i++) {
            AssetKind kind = screen ? (random.nextBoolean() ? AssetKind.VIDEO : AssetKind.IMAGE) : AssetKind.AUDIO;
            long ms = screen ? 15_000 + random.nextInt(120_000) : 60_000 + random.nextInt(540_000);
            Asset asset = new Asset(id * 10 + i, String.format("%064x", id * 10 + i), "tệp " + id + "." + i, kind,
                    1_000_000, ms, random.nextInt(30) != 0, random.nextInt(10) == 0
                    ? START.plusDays(random.nextInt(7)).atStartOfDay(HCM).toInstant() : null);
            playlist.add(new PlaylistItem(asset, ms));
        }
        List<Slot> slots = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int s = 0; s < count; s++) {
            slots.add(screen ? loopSlot(id * 10 + s) : onceSlot(id * 10 + s));
        }
        LocalDate start = START.plusDays(random.nextInt(5) - 2);
        return new Campaign(id, "Chiến dịch " + id, random.nextInt(5) == 0 ? BroadcastClass.PRIORITY
                : BroadcastClass.NORMAL, random.nextInt(3), start, start.plusDays(3 + random.nextInt(30)),
                random.nextInt(10) != 0, 80, "tuyên truyền", playlist, slots, targets());
    }

    private Slot onceSlot(long id) {
        String hours = (5 + random.nextInt(3)) + "," + (11 + random.nextInt(2)) + "," + (16 + random.nextInt(4));
        String days = random.nextBoolean() ? "*" : "1-5";
        String cron = (random.nextInt(4) * 15) + " " + hours + " * * " + days;
        List<LocalDateTime> oneOffs = random.nextInt(5) == 0
                ? List.of(START.plusDays(random.nextInt(7)).atTime(19, random.nextInt(4) * 15)) : List.of();
        List<LocalDate> excluded = random.nextInt(5) == 0 ? List.of(LocalDate.of(2026, 9, 2)) : List.of();
        return new Slot(id, SlotMode.ONCE, cron, oneOffs, null, Duration.ofMinutes(5 + random.nextInt(20)), excluded);
    }

    private Slot loopSlot(long id) {
        String cron = "0 " + (6 + random.nextInt(12)) + " * * " + (random.nextBoolean() ? "*" : "1-6");
        return new Slot(id, SlotMode.LOOP, cron, List.of(), Duration.ofMinutes(60 + random.nextInt(8) * 60),
                Slot.DEFAULT_ALLOWED_DELAY, List.of());
    }

    /** Most campaigns reach one commune; some a few hamlets, a tag, or the whole province. */
    private Targets targets() {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return new Targets(Set.of(1L), Set.of(), Set.of());
        }
        if (kind <= 2) {
            return new Targets(Set.of(), Set.of(TAGS[random.nextInt(TAGS.length)]), Set.of());
        }
        int commune = random.nextInt(COMMUNES);
        if (kind <= 6) {
            int first = random.nextInt(SUB_AREAS);
            return new Targets(Set.of(subArea(commune, first), subArea(commune, (first + 1 + random.nextInt(5)) % SUB_AREAS)),
                    Set.of(), Set.of());
        }
        return new Targets(Set.of(100L + commune), Set.of(), Set.of());
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum over heap pools of each pool's peak since the reset (an upper bound of the true peak). */
    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
