package vn.bantin.schedule;

import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.StreamRef;
import vn.bantin.domain.TimelineItem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What campaigns ask to air on one kind of endpoint in one zone: bulletins (ONCE), loop windows (LOOP) and
 * relay windows (STREAM).
 */
final class Candidates {

    /**
     * Each campaign's candidates by kind and zone, made once per compilation: a campaign reaching many
     * groups of endpoints asks the same of each of them. The shared lists are never modified.
     */
    static final class PerCampaign {

        private record Key(int position, EndpointKind kind, ZoneId zone) {
        }

        private final List<Campaign> campaigns;
        private final OccurrenceCache occurrences;
        private final Map<Key, Candidates> made = new ConcurrentHashMap<>();

        /** @param campaigns the compilation's campaigns, addressed by position */
        PerCampaign(List<Campaign> campaigns, OccurrenceCache occurrences) {
            this.campaigns = campaigns;
            this.occurrences = occurrences;
        }

        /** The candidates of the campaigns at {@code positions}, for one kind of endpoint in one zone. */
        Candidates of(BitSet positions, EndpointKind kind, ZoneId zone) {
            Candidates all = new Candidates(kind, zone, occurrences);
            positions.stream().forEach(i -> {
                Candidates one = made.computeIfAbsent(new Key(i, kind, zone), k -> {
                    Candidates fresh = new Candidates(kind, zone, occurrences);
                    fresh.add(campaigns.get(i));
                    return fresh;
                });
                all.bulletins.addAll(one.bulletins);
                all.loops.addAll(one.loops);
                all.relays.addAll(one.relays);
            });
            return all;
        }
    }

    /** One ONCE occurrence: its usable items play back to back from the occurrence start. */
    record Bulletin(Campaign campaign, Slot slot, long occurrenceMs, List<TimelineItem> items, long durationMs) {
    }

    /** One LOOP occurrence, or the part of it with one playlist: the items repeat from startMs, the anchor. */
    record LoopWindow(Campaign campaign, Slot slot, long occurrenceMs, long startMs, long endMs,
                      List<TimelineItem> items) {
    }

    /** One STREAM occurrence: the source relayed over [startMs, endMs), the fallback items filling its outages. */
    record RelayWindow(Campaign campaign, Slot slot, long occurrenceMs, long startMs, long endMs,
                       List<TimelineItem> fallback, StreamRef stream) {
    }

    /** Higher class first, then higher rank, then lower campaign id, then earlier occurrence, then lower slot id. */
    static final Comparator<Campaign> CAMPAIGN_ORDER = Comparator
            .comparing((Campaign c) -> c.broadcastClass().ordinal(), Comparator.reverseOrder())
            .thenComparing(Campaign::rank, Comparator.reverseOrder())
            .thenComparingLong(Campaign::id);

    final List<Bulletin> bulletins = new ArrayList<>();
    final List<LoopWindow> loops = new ArrayList<>();
    final List<RelayWindow> relays = new ArrayList<>();

    private final EndpointKind kind;
    private final ZoneId zone;
    private final OccurrenceCache occurrences;

    Candidates(EndpointKind kind, ZoneId zone, OccurrenceCache occurrences) {
        this.kind = kind;
        this.zone = zone;
        this.occurrences = occurrences;
    }

    void add(Campaign campaign) {
        List<PlaylistItem> playlist = playlistFor(campaign, kind);
        if (campaign.slots() == null) {
            return;
        }
        for (Slot slot : campaign.slots()) {
            if (slot.mode() == SlotMode.STREAM ? slot.source() == null || kind != EndpointKind.SPEAKER
                    : playlist.isEmpty()) {
                continue;
            }
            for (long occurrence : occurrences.of(slot, zone)) {
                if (inDateRange(campaign, LocalDate.ofInstant(Instant.ofEpochMilli(occurrence), zone))) {
                    addOccurrence(campaign, slot, occurrence, playlist);
                }
            }
        }
    }

    void sort() {
        bulletins.sort(Comparator.comparing(Bulletin::campaign, CAMPAIGN_ORDER)
                .thenComparingLong(Bulletin::occurrenceMs).thenComparingLong(b -> b.slot().id()));
        loops.sort(Comparator.comparing(LoopWindow::campaign, CAMPAIGN_ORDER)
                .thenComparingLong(LoopWindow::occurrenceMs).thenComparingLong(l -> l.slot().id())
                .thenComparingLong(LoopWindow::startMs));
        relays.sort(Comparator.comparing(RelayWindow::campaign, CAMPAIGN_ORDER)
                .thenComparingLong(RelayWindow::occurrenceMs).thenComparingLong(r -> r.slot().id()));
    }

    /** Whether the campaign has anything for this kind of endpoint: playable items, or a relay (speakers only). */
    static boolean airsOn(Campaign campaign, EndpointKind kind) {
        return !playlistFor(campaign, kind).isEmpty() || relays(campaign, kind);
    }

    /** Live sources are radio stations: loudspeaker clusters relay them, screens do not. */
    private static boolean relays(Campaign campaign, EndpointKind kind) {
        return kind == EndpointKind.SPEAKER && campaign.slots() != null
                && campaign.slots().stream().anyMatch(s -> s.mode() == SlotMode.STREAM && s.source() != null);
    }

    /** The campaign's items this kind of endpoint can play, in playlist order. */
    static List<PlaylistItem> playlistFor(Campaign campaign, EndpointKind kind) {
        List<PlaylistItem> items = new ArrayList<>();
        if (campaign.playlist() != null) {
            for (PlaylistItem item : campaign.playlist()) {
                if (item.asset() != null && item.durationMs() > 0 && kind.accepts(item.asset().kind())) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    static List<TimelineItem> usableAt(List<PlaylistItem> playlist, long atMs) {
        Instant at = Instant.ofEpochMilli(atMs);
        List<TimelineItem> items = new ArrayList<>();
        for (PlaylistItem item : playlist) {
            Asset asset = item.asset();
            if (asset.usableAt(at)) {
                items.add(new TimelineItem(asset.sha256(), asset.sizeBytes(), item.durationMs(), asset.kind()));
            }
        }
        return List.copyOf(items);
    }

    private void addOccurrence(Campaign campaign, Slot slot, long occurrence, List<PlaylistItem> playlist) {
        if (slot.mode() == SlotMode.ONCE) {
            List<TimelineItem> items = usableAt(playlist, occurrence);
            long duration = 0;
            for (TimelineItem item : items) {
                duration += item.durationMs();
            }
            if (!items.isEmpty()) {
                bulletins.add(new Bulletin(campaign, slot, occurrence, items, duration));
            }
            return;
        }
        if (slot.window() == null || slot.window().isNegative() || slot.window().isZero()) {
            return;
        }
        long end = Math.min(occurrence + slot.window().toMillis(), campaignEndMs(campaign));
        if (slot.mode() == SlotMode.STREAM) {
            relays.add(new RelayWindow(campaign, slot, occurrence, occurrence, end, fallback(slot.source(), occurrence),
                    StreamRef.of(slot.source())));
        } else {
            addLoopParts(campaign, slot, occurrence, end, playlist);
        }
    }

    /** The source's fallback as the one item this kind of endpoint loops while the stream is down; none = silence. */
    private List<TimelineItem> fallback(LiveSource source, long atMs) {
        Asset asset = source.fallback();
        if (asset == null || asset.durationMs() <= 0 || !kind.accepts(asset.kind())
                || !asset.usableAt(Instant.ofEpochMilli(atMs))) {
            return List.of();
        }
        return List.of(new TimelineItem(asset.sha256(), asset.sizeBytes(), asset.durationMs(), asset.kind()));
    }

    /** A loop whose assets expire inside its window is cut there, so nothing expired stays in a playlist. */
    private void addLoopParts(Campaign campaign, Slot slot, long occurrence, long end, List<PlaylistItem> playlist) {
        TreeSet<Long> cuts = new TreeSet<>();
        for (PlaylistItem item : playlist) {
            Instant expiry = item.asset().expiresAt();
            if (expiry != null && expiry.toEpochMilli() > occurrence && expiry.toEpochMilli() < end) {
                cuts.add(expiry.toEpochMilli());
            }
        }
        cuts.add(end);
        long start = occurrence;
        for (long cut : cuts) {
            List<TimelineItem> items = usableAt(playlist, start);
            if (!items.isEmpty()) {
                loops.add(new LoopWindow(campaign, slot, occurrence, start, cut, items));
            }
            start = cut;
        }
    }

    /** Whether a local day is inside the campaign's inclusive date range (an open end when null). */
    static boolean inDateRange(Campaign campaign, LocalDate day) {
        return (campaign.startDate() == null || !day.isBefore(campaign.startDate()))
                && (campaign.endDate() == null || !day.isAfter(campaign.endDate()));
    }

    private long campaignEndMs(Campaign campaign) {
        return campaign.endDate() == null
                ? Long.MAX_VALUE
                : campaign.endDate().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
