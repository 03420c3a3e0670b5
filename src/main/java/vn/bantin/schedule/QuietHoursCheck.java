package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Before a plan is saved: would this campaign put NORMAL/PRIORITY audio on a targeted speaker inside
 * its area's quiet hours? Each clash is reported once per slot, area and time of day.
 */
public final class QuietHoursCheck {

    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("HH:mm 'on' yyyy-MM-dd");

    /** @param areaId the area whose quiet hours are broken (where they are set, maybe an ancestor) */
    public record Clash(long campaignId, long slotId, long areaId, long startMs, String message) {
    }

    private record Place(ZoneId zone, Area quietSource) {
    }

    private QuietHoursCheck() {
    }

    /** Clashes of {@code campaign}'s slots in [fromMs, toMs), approved or not; empty when it may be saved. */
    public static List<Clash> clashes(Campaign campaign, Collection<Area> areas, Collection<Endpoint> endpoints,
                                      long fromMs, long toMs) {
        List<PlaylistItem> audio = Candidates.playlistFor(campaign, EndpointKind.SPEAKER);
        if (campaign.broadcastClass() == BroadcastClass.EMERGENCY || campaign.slots() == null
                || audio.isEmpty() && campaign.slots().stream().noneMatch(s -> s.mode() == SlotMode.STREAM)) {
            return List.of();
        }
        long bulletinMs = audio.stream().mapToLong(PlaylistItem::durationMs).sum();
        AreaTree tree = new AreaTree(areas);
        Map<Long, Place> places = new LinkedHashMap<>();
        endpoints.stream()
                .filter(e -> e.kind() == EndpointKind.SPEAKER && Targeting.targets(campaign, e, tree))
                .map(e -> new Place(tree.zone(e.areaId()), tree.quietHoursSource(e.areaId())))
                .filter(p -> p.quietSource() != null)
                .forEach(p -> places.putIfAbsent(p.quietSource().id(), p));

        List<Clash> clashes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Place place : places.values()) {
            QuietWindows quiet = QuietWindows.of(place.quietSource().quietHours(), place.zone(), fromMs, toMs);
            for (Slot slot : campaign.slots()) {
                if (slot.mode() == SlotMode.ONCE && audio.isEmpty()) {
                    continue;
                }
                long lengthMs = slot.mode() == SlotMode.ONCE ? bulletinMs
                        : slot.window() == null ? 0 : slot.window().toMillis();
                for (Instant start : occurrences(slot, place.zone(), fromMs, toMs)) {
                    LocalDateTime local = LocalDateTime.ofInstant(start, place.zone());
                    if (Candidates.inDateRange(campaign, local.toLocalDate())
                            && quiet.intersects(start.toEpochMilli(), start.toEpochMilli() + Math.max(1, lengthMs))
                            && seen.add(slot.id() + "/" + place.quietSource().id() + "/" + local.toLocalTime())) {
                        clashes.add(new Clash(campaign.id(), slot.id(), place.quietSource().id(), start.toEpochMilli(),
                                message(campaign, slot, place.quietSource(), local)));
                    }
                }
            }
        }
        return List.copyOf(clashes);
    }

    private static List<Instant> occurrences(Slot slot, ZoneId zone, long fromMs, long toMs) {
        try {
            return RecurrenceExpander.occurrences(slot, zone, Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs));
        } catch (IllegalArgumentException invalidCron) {
            return List.of();
        }
    }

    /** Slots are named by their place in the campaign (as the editor numbers them): a new slot has no id yet. */
    private static String message(Campaign campaign, Slot slot, Area area, LocalDateTime local) {
        String hours = area.quietHours().from() + "–" + area.quietHours().to();
        int n = campaign.slots().indexOf(slot) + 1;
        return "Chiến dịch «" + campaign.name() + "», khung giờ " + n + " lúc " + VI.format(local)
                + " phát âm thanh trong giờ yên lặng " + hours + " của «" + area.name() + "»"
                + " / Campaign '" + campaign.name() + "', slot " + n + " at " + EN.format(local)
                + " plays audio inside the quiet hours " + hours + " of '" + area.name() + "'";
    }
}
