package vn.bantin.app;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Asset;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.store.Rendition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before compiling one endpoint's timeline, points every playlist item it can play at the rendition for its
 * profile (hash, size, duration: what the agent downloads), and drops items with no finished rendition, so
 * an asset still processing, or failed for that profile, is never scheduled there. A relayed source's fallback
 * is swapped the same way (none ready: the gap stays silent). Plain functions: the compiler itself is untouched.
 */
public final class RenditionSwap {

    private RenditionSwap() {
    }

    public static List<Campaign> apply(List<Campaign> campaigns, EndpointKind kind, Map<Long, Rendition> byAsset) {
        return campaigns.stream().map(c -> swap(c, kind, byAsset)).toList();
    }

    /**
     * Alerts air the rendition when it is ready; an emergency never waits for processing, so until then
     * the original upload airs.
     */
    public static List<Alert> applyToAlerts(List<Alert> alerts, Map<Long, Rendition> byAsset) {
        return alerts.stream().map(a -> new Alert(a.id(), a.title(), a.targets(), swapped(a.audio(), byAsset),
                swapped(a.visual(), byAsset), a.visualDurationMs(), a.startMs(), a.repeat(), a.intervalMs(), a.endMs(),
                a.volume(), a.status(), a.createdAt(), a.createdBy(), a.cancelledAt(), a.cancelledBy())).toList();
    }

    private static Asset swapped(Asset a, Map<Long, Rendition> byAsset) {
        Rendition r = a == null ? null : byAsset.get(a.id());
        if (r == null) {
            return a;
        }
        return new Asset(a.id(), r.sha256(), a.name(), a.kind(), r.sizeBytes(), a.durationMs() == 0 ? 0 : r.durationMs(),
                a.approved(), a.expiresAt());
    }

    private static Campaign swap(Campaign c, EndpointKind kind, Map<Long, Rendition> byAsset) {
        if (c.playlist() == null) {
            return c;
        }
        List<PlaylistItem> items = new ArrayList<>();
        for (PlaylistItem item : c.playlist()) {
            Asset a = item.asset();
            if (a == null || !kind.accepts(a.kind())) {
                items.add(item);
                continue;
            }
            Rendition r = byAsset.get(a.id());
            if (r != null) {
                Asset shown = new Asset(a.id(), r.sha256(), a.name(), a.kind(), r.sizeBytes(),
                        a.durationMs() == 0 ? 0 : r.durationMs(), a.approved(), a.expiresAt());
                // An item airing the whole asset airs the whole rendition; a set airtime (a picture's) is kept.
                long airtime = item.durationMs() == a.durationMs() && a.durationMs() > 0 ? r.durationMs()
                        : item.durationMs();
                items.add(new PlaylistItem(shown, airtime));
            }
        }
        return new Campaign(c.id(), c.name(), c.broadcastClass(), c.rank(), c.startDate(), c.endDate(),
                c.approved(), c.volume(), c.topic(), List.copyOf(items), swapFallbacks(c.slots(), kind, byAsset),
                c.targets());
    }

    /** A STREAM slot's source loops the fallback's rendition for the profile while the station is down. */
    private static List<Slot> swapFallbacks(List<Slot> slots, EndpointKind kind, Map<Long, Rendition> byAsset) {
        if (slots == null) {
            return null;
        }
        List<Slot> out = new ArrayList<>();
        for (Slot s : slots) {
            LiveSource src = s.source();
            Asset fallback = src == null ? null : src.fallback();
            if (fallback == null || !kind.accepts(fallback.kind())) {
                out.add(s);
                continue;
            }
            Asset ready = byAsset.containsKey(fallback.id()) ? swapped(fallback, byAsset) : null;
            LiveSource swapped = new LiveSource(src.id(), src.name(), src.url(), src.description(), src.areaId(),
                    ready, src.archived(), src.createdAt(), src.updatedAt());
            out.add(new Slot(s.id(), s.mode(), s.cron(), s.oneOffs(), s.window(), s.allowedDelay(), s.excludedDates(),
                    swapped));
        }
        return List.copyOf(out);
    }
}
