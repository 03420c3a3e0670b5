package vn.bantin.app.live;

import io.vertx.core.json.JsonObject;
import vn.bantin.domain.TimelineEntry;
import vn.bantin.app.TimelineService;
import vn.bantin.schedule.AlertOverlay;
import vn.bantin.store.NameRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what devices report (entry ids, content hashes) into the names people know, within one unit of work:
 * each hash and campaign is looked up once, however many endpoints play it.
 */
final class Names {

    private final Connection c;
    private final NameRepository names;
    private final TimelineService timelines;
    private final Map<String, Optional<String>> assets = new HashMap<>();
    private final Map<Long, Optional<String>> campaigns = new HashMap<>();
    private final Map<Long, Optional<String>> speakers = new HashMap<>();

    Names(Connection c, NameRepository names, TimelineService timelines) {
        this.c = c;
        this.names = names;
        this.timelines = timelines;
    }

    String asset(String sha256) throws SQLException {
        return once(assets, sha256, () -> names.assetBySha(c, sha256));
    }

    String campaign(Long id) throws SQLException {
        if (id == null || id == AlertOverlay.NO_CAMPAIGN) {
            return null;
        }
        return once(campaigns, id, () -> names.campaign(c, id));
    }

    /** Who speaks in a live session: the display name of the user who opened it (their login when unknown). */
    String speaker(long liveSessionId) throws SQLException {
        return once(speakers, liveSessionId, () -> names.liveSpeaker(c, liveSessionId));
    }

    private interface Lookup {
        Optional<String> find() throws SQLException;
    }

    /** A name looked up at most once per unit of work; "none" is remembered too. */
    private static <K> String once(Map<K, Optional<String>> known, K key, Lookup lookup) throws SQLException {
        Optional<String> hit = known.get(key);
        if (hit == null) {
            hit = lookup.find();
            known.put(key, hit);
        }
        return hit.orElse(null);
    }

    /** A heartbeat's nowPlaying object ({entryId, sha256, since}) by name; null when nothing plays. */
    NowPlaying nowPlaying(long endpointId, JsonObject reported) throws SQLException {
        if (reported == null) {
            return null;
        }
        String entryId = reported.getString("entryId");
        Optional<TimelineEntry> entry = timelines.lastCompiledEntry(endpointId, entryId);
        Long campaignId = entry.map(TimelineEntry::campaignId).filter(id -> id != AlertOverlay.NO_CAMPAIGN)
                .orElse(null);
        String campaignName = entry.map(TimelineEntry::campaignName).orElse(null);
        String broadcastClass = entry.map(e -> e.broadcastClass().name()).orElse(null);
        return new NowPlaying(entryId, campaignId, campaignName, asset(reported.getString("sha256")),
                broadcastClass, reported.getLong("since"));
    }
}
