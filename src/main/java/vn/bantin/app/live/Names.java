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
        Optional<String> hit = assets.get(sha256);
        if (hit == null) {
            hit = names.assetBySha(c, sha256);
            assets.put(sha256, hit);
        }
        return hit.orElse(null);
    }

    String campaign(Long id) throws SQLException {
        if (id == null || id == AlertOverlay.NO_CAMPAIGN) {
            return null;
        }
        Optional<String> hit = campaigns.get(id);
        if (hit == null) {
            hit = names.campaign(c, id);
            campaigns.put(id, hit);
        }
        return hit.orElse(null);
    }

    /** Who speaks in a live session: the display name of the user who opened it (their login when unknown). */
    String speaker(long liveSessionId) throws SQLException {
        Optional<String> hit = speakers.get(liveSessionId);
        if (hit == null) {
            hit = names.liveSpeaker(c, liveSessionId);
            speakers.put(liveSessionId, hit);
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
