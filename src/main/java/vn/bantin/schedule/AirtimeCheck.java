package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.AreaPolicy;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Before a plan is saved: would it break an area's loudspeaker airtime cap (sessions a day, minutes a
 * session)? A session is one ONCE airing (the whole bulletin) or one LOOP window. Sessions a day count the
 * saved campaign together with the other approved campaigns reaching the same speaker.
 */
public final class AirtimeCheck {

    private static final DateTimeFormatter DAY_VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private record Group(long policyAreaId, ZoneId zone, Set<Long> others) {
    }

    private AirtimeCheck() {
    }

    /** The first breach in [fromMs, toMs) as a bilingual message, or empty when the plan may be saved. */
    public static Optional<String> breach(Campaign campaign, Collection<Campaign> others, Collection<Area> areas,
                                          Collection<Endpoint> endpoints, Map<Long, AreaPolicy> policies,
                                          long fromMs, long toMs) {
        if (policies.isEmpty() || campaign.broadcastClass() == BroadcastClass.EMERGENCY
                || Candidates.playlistFor(campaign, EndpointKind.SPEAKER).isEmpty()) {
            return Optional.empty();
        }
        AreaTree tree = new AreaTree(areas);
        Set<Group> groups = new HashSet<>();
        for (Endpoint e : endpoints) {
            if (e.kind() != EndpointKind.SPEAKER || e.areaId() == null || !Targeting.targets(campaign, e, tree)) {
                continue;
            }
            Long policyArea = policyArea(tree, policies, e.areaId());
            if (policyArea != null) {
                Set<Long> reaching = new HashSet<>();
                others.stream().filter(o -> o.id() != campaign.id() && o.approved() && Targeting.targets(o, e, tree))
                        .forEach(o -> reaching.add(o.id()));
                groups.add(new Group(policyArea, tree.zone(e.areaId()), reaching));
            }
        }
        Map<Long, Campaign> byId = new HashMap<>();
        others.forEach(o -> byId.put(o.id(), o));
        for (Group g : groups) {
            Optional<String> found = breach(campaign, g.others().stream().map(byId::get).toList(),
                    policies.get(g.policyAreaId()), tree.area(g.policyAreaId()), g.zone(), fromMs, toMs);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> breach(Campaign campaign, List<Campaign> others, AreaPolicy policy, Area area,
                                           ZoneId zone, long fromMs, long toMs) {
        Map<LocalDate, Integer> ownSessions = new TreeMap<>();
        for (Slot slot : campaign.slots()) {
            long minutes = sessionMs(campaign, slot) / 60_000;
            if (policy.maxSpeakerSessionMinutes() != null && minutes > policy.maxSpeakerSessionMinutes()) {
                int n = campaign.slots().indexOf(slot) + 1;
                return Optional.of(message(campaign, area, "khung giờ " + n + " dài " + minutes + " phút (tối đa "
                        + policy.maxSpeakerSessionMinutes() + ")", "slot " + n + " runs " + minutes
                        + " minutes (at most " + policy.maxSpeakerSessionMinutes() + ")"));
            }
            count(ownSessions, campaign, slot, zone, fromMs, toMs);
        }
        if (policy.maxSpeakerSessionsPerDay() == null) {
            return Optional.empty();
        }
        Map<LocalDate, Integer> all = new HashMap<>(ownSessions);
        for (Campaign other : others) {
            for (Slot slot : other.slots()) {
                count(all, other, slot, zone, fromMs, toMs);
            }
        }
        for (LocalDate day : ownSessions.keySet()) {
            int sessions = all.get(day);
            if (sessions > policy.maxSpeakerSessionsPerDay()) {
                return Optional.of(message(campaign, area, sessions + " lần phát ngày " + day.format(DAY_VI) + " (tối đa "
                        + policy.maxSpeakerSessionsPerDay() + ")", sessions + " sessions on " + day + " (at most "
                        + policy.maxSpeakerSessionsPerDay() + ")"));
            }
        }
        return Optional.empty();
    }

    private static void count(Map<LocalDate, Integer> perDay, Campaign campaign, Slot slot, ZoneId zone, long fromMs,
                              long toMs) {
        List<Instant> starts;
        try {
            starts = RecurrenceExpander.occurrences(slot, zone, Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(toMs));
        } catch (IllegalArgumentException invalidCron) {
            return;
        }
        for (Instant start : starts) {
            LocalDate day = LocalDate.ofInstant(start, zone);
            if (Candidates.inDateRange(campaign, day)) {
                perDay.merge(day, 1, Integer::sum);
            }
        }
    }

    private static long sessionMs(Campaign campaign, Slot slot) {
        if (slot.mode().hasWindow()) {
            return slot.window() == null ? 0 : slot.window().toMillis();
        }
        return Candidates.playlistFor(campaign, EndpointKind.SPEAKER).stream().mapToLong(PlaylistItem::durationMs).sum();
    }

    private static Long policyArea(AreaTree tree, Map<Long, AreaPolicy> policies, long areaId) {
        for (long id : tree.selfAndAncestors(areaId)) {
            AreaPolicy p = policies.get(id);
            if (p != null) {
                return p.capsAirtime() ? id : null;
            }
        }
        return null;
    }

    private static String message(Campaign campaign, Area area, String vi, String en) {
        String name = area == null ? "?" : area.name();
        return "Chiến dịch «" + campaign.name() + "» vượt giới hạn phát loa của «" + name + "»: " + vi
                + " / Campaign '" + campaign.name() + "' breaks the loudspeaker airtime cap of '" + name + "': " + en;
    }
}
