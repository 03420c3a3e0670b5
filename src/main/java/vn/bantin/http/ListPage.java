package vn.bantin.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import vn.bantin.app.ApiException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pages, filters and sorts a list answer the same way on every list API:
 * {@code ?limit=50&offset=0} (at most {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}),
 * {@code sort=name} or {@code sort=-createdAt}, {@code q=} (a word in any text field), and
 * {@code <field>=<value>} for any top-level field of the items ({@code status=ACTIVE}, {@code areaId=3}).
 * The whole count goes in {@code X-Total-Count}; the answer stays a JSON array.
 */
public final class ListPage {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> RESERVED = Set.of("limit", "offset", "sort", "q");

    private ListPage() {
    }

    /** Answers 200 with the requested page of {@code items}. */
    public static void ok(RoutingContext ctx, List<JsonObject> items) {
        int limit = number(ctx, "limit", DEFAULT_LIMIT, MAX_LIMIT);
        int offset = number(ctx, "offset", 0, Integer.MAX_VALUE);
        List<JsonObject> matching = items.stream().filter(filter(ctx)).sorted(order(ctx)).toList();
        ctx.response().putHeader("X-Total-Count", String.valueOf(matching.size()));
        Responses.ok(ctx, matching.stream().skip(offset).limit(limit).toList());
    }

    private static Predicate<JsonObject> filter(RoutingContext ctx) {
        Predicate<JsonObject> all = o -> true;
        for (Map.Entry<String, String> p : ctx.queryParams()) {
            String field = p.getKey();
            String wanted = p.getValue();
            if (field.equals("q")) {
                String word = wanted.toLowerCase(Locale.ROOT);
                all = all.and(o -> o.stream().anyMatch(e -> e.getValue() instanceof String s
                        && s.toLowerCase(Locale.ROOT).contains(word)));
            } else if (!RESERVED.contains(field)) {
                all = all.and(o -> !o.containsKey(field) || String.valueOf(o.getValue(field)).equalsIgnoreCase(wanted));
            }
        }
        return all;
    }

    private static Comparator<JsonObject> order(RoutingContext ctx) {
        String sort = ctx.queryParams().get("sort");
        if (sort == null || sort.isBlank()) {
            return (a, b) -> 0;
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<JsonObject> byField = (a, b) -> compare(a.getValue(field), b.getValue(field));
        return descending ? byField.reversed() : byField;
    }

    /** Numbers as numbers, anything else as text; missing values last. */
    private static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return String.valueOf(a).toLowerCase(Locale.ROOT).compareTo(String.valueOf(b).toLowerCase(Locale.ROOT));
    }

    private static int number(RoutingContext ctx, String name, int fallback, int max) {
        String raw = ctx.queryParams().get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < 0 || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_" + name, "'" + name + "' phải là số từ 0 đến " + max + " / '" + name
                    + "' must be a whole number from 0 to " + max);
        }
    }
}
