package vn.bantin.evidence.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What campaigns, topics, endpoints and areas were called, and since when, as the plan and the records carried
 * their names (each change point: a name in use from an instant on). A report prints what things were called in
 * its period, not what they are called today: a campaign renamed in April is still its March name in March.
 * Several names noted at one instant: the greatest wins (the store reads them in that order too).
 */
public final class NameHistory {

    /** What a name belongs to; a topic is noted under its campaign's id. */
    public enum Named { CAMPAIGN, TOPIC, ENDPOINT, AREA }

    /** A name in use from {@code sinceMs} on. */
    public record Use(Named kind, long objectId, long sinceMs, String name) {
    }

    private record Key(Named kind, long objectId) {
    }

    public static final NameHistory EMPTY = new NameHistory(List.of());

    private final Map<Key, NavigableMap<Long, String>> names = new HashMap<>();

    public NameHistory(List<Use> uses) {
        for (Use u : uses) {
            names.computeIfAbsent(new Key(u.kind(), u.objectId()), k -> new TreeMap<>())
                    .merge(u.sinceMs(), u.name(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    /** The name in use at an instant, when the evidence knows one. */
    public Optional<String> at(Named kind, long objectId, long ms) {
        NavigableMap<Long, String> changes = names.get(new Key(kind, objectId));
        return Optional.ofNullable(changes == null ? null : changes.floorEntry(ms)).map(Map.Entry::getValue);
    }

    /**
     * What a report on [fromMs, toMs) calls it: the last name in use in the period, followed by the ones it had
     * earlier in the period ("Tên mới (trước đây: Tên cũ)"); empty when the evidence knows no name for it then.
     */
    public Optional<String> during(Named kind, long objectId, long fromMs, long toMs) {
        NavigableMap<Long, String> changes = names.get(new Key(kind, objectId));
        if (changes == null) {
            return Optional.empty();
        }
        List<String> used = new ArrayList<>();
        Map.Entry<Long, String> first = changes.floorEntry(fromMs);
        if (first != null) {
            used.add(first.getValue());
        }
        for (String name : changes.subMap(fromMs, false, toMs, false).values()) {
            used.remove(name);
            used.add(name);
        }
        if (used.isEmpty()) {
            return Optional.empty();
        }
        String last = used.remove(used.size() - 1);
        return Optional.of(used.isEmpty() ? last : last + " (trước đây: " + String.join("; ", used) + ")");
    }

    /** The ids of one kind the evidence names (also those deleted since). */
    public Set<Long> ids(Named kind) {
        return names.keySet().stream().filter(k -> k.kind() == kind).map(Key::objectId).collect(Collectors.toSet());
    }
}
