package vn.bantin.schedule;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RecurrenceExpander against a deliberately simple oracle: every local wall-clock minute of a few days
 * is tested against the 5 fields (numbers, '*', lists, ranges, steps; day-of-week 0-6 with 0 = Sunday;
 * when both day-of-month and day-of-week are restricted a day matches either, as in Unix cron). Only
 * '*' and '*' + '/1' count as unrestricted: a stepped star such as '*' + '/2' restricts (Vixie cron would
 * call it unrestricted; cron-utils, and so the expander, does not — a known, deliberate difference).
 * Nonexistent and duplicated local times follow the expander's documented rule: a local time in a DST
 * gap fires at the same wall-clock distance past the gap's start (02:30 → 03:30 in New York); a local
 * time that happens twice fires once, at the earlier of its two instants. Starts are then deduplicated.
 */
class CronDifferentialTest {

    private static final int EXPRESSIONS = 300;

    private record Window(ZoneId zone, LocalDateTime from, LocalDateTime to) {
    }

    private static final List<Window> WINDOWS = List.of(
            new Window(ZoneId.of("Asia/Ho_Chi_Minh"), LocalDateTime.parse("2026-01-30T00:00"),
                    LocalDateTime.parse("2026-02-02T00:00")),
            new Window(ZoneId.of("America/New_York"), LocalDateTime.parse("2026-03-07T00:00"),
                    LocalDateTime.parse("2026-03-10T00:00")),
            new Window(ZoneId.of("America/New_York"), LocalDateTime.parse("2026-10-31T00:00"),
                    LocalDateTime.parse("2026-11-03T00:00")));

    @Test
    @DisplayName("300 generated expressions give the same starts as a minute-by-minute oracle, in 2 zones, around DST")
    void expanderMatchesOracle() {
        Random random = new Random(39_2020L);
        for (int i = 0; i < EXPRESSIONS; i++) {
            String cron = String.join(" ", field(random, 0, 59, false), field(random, 0, 23, false),
                    field(random, 1, 31, true), field(random, 1, 12, true), field(random, 0, 6, true));
            for (Window w : WINDOWS) {
                Instant from = toInstant(w.from(), w.zone());
                Instant to = toInstant(w.to(), w.zone());
                assertThat(RecurrenceExpander.occurrences(cron, List.of(), w.zone(), from, to))
                        .as("%s in %s", cron, w.zone()).isEqualTo(oracle(cron, w, from, to));
            }
        }
    }

    /** Often '*' for the day fields, so that hours and minutes are exercised; else a value, list, range or step. */
    private static String field(Random random, int min, int max, boolean oftenStar) {
        int choice = random.nextInt(oftenStar ? 8 : 6);
        int a = min + random.nextInt(max - min + 1);
        int b = a + random.nextInt(max - a + 1);
        int step = 1 + random.nextInt(Math.max(1, (max - min) / 3));
        return switch (choice) {
            case 0 -> Integer.toString(a);
            case 1 -> a + "," + (min + random.nextInt(max - min + 1)) + "," + b;
            case 2 -> a + "-" + b;
            case 3 -> "*/" + step;
            case 4 -> a + "-" + b + "/" + step;
            default -> "*";
        };
    }

    private static List<Instant> oracle(String cron, Window w, Instant from, Instant to) {
        String[] f = cron.split(" ");
        TreeSet<Instant> starts = new TreeSet<>();
        for (LocalDateTime t = w.from().minusHours(6); t.isBefore(w.to().plusHours(6)); t = t.plusMinutes(1)) {
            boolean domRestricted = !f[2].equals("*") && !f[2].equals("*/1");
            boolean dowRestricted = !f[4].equals("*") && !f[4].equals("*/1");
            boolean dom = matches(f[2], t.getDayOfMonth(), 1);
            boolean dow = matches(f[4], t.getDayOfWeek().getValue() % 7, 0);
            boolean day = domRestricted && dowRestricted ? dom || dow : dom && dow;
            if (matches(f[0], t.getMinute(), 0) && matches(f[1], t.getHour(), 0)
                    && matches(f[3], t.getMonthValue(), 1) && day) {
                Instant start = toInstant(t, w.zone());
                if (!start.isBefore(from) && start.isBefore(to)) {
                    starts.add(start);
                }
            }
        }
        return new ArrayList<>(starts);
    }

    /** The documented rule, written out from the zone rules rather than through ZonedDateTime. */
    private static Instant toInstant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return local.plus(gap.getDuration()).toInstant(gap.getOffsetAfter());
        }
        return offsets.stream().map(local::toInstant).min(Instant::compareTo).orElseThrow();
    }

    /** '*' with a step counts from the field's lowest value {@code min}. */
    private static boolean matches(String field, int value, int min) {
        for (String part : field.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
            }
            if (range.equals("*")) {
                if (slash < 0 || (value - min) % step == 0) {
                    return true;
                }
                continue;
            }
            int dash = range.indexOf('-');
            int lo = Integer.parseInt(dash < 0 ? range : range.substring(0, dash));
            int hi = dash < 0 ? (slash < 0 ? lo : Integer.MAX_VALUE) : Integer.parseInt(range.substring(dash + 1));
            if (value >= lo && value <= hi && (value - lo) % step == 0) {
                return true;
            }
        }
        return false;
    }
}
