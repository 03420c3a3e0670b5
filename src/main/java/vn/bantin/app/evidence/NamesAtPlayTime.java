package vn.bantin.app.evidence;

import vn.bantin.evidence.PlayNames;
import vn.bantin.evidence.PlayRecordPayload;
import vn.bantin.evidence.RecordedExpectation;
import vn.bantin.store.ExpectedPlayRepository;
import vn.bantin.store.PlayNameRepository;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a record keeps (DESIGN §8: records survive renames and deletions): those of the planned entry it
 * played, as the plan was recorded; for anything the plan does not name (an unplanned play, an entry from
 * before plans were recorded), the names as they are at ingest, within moments of the play. One instance
 * per batch: each entry, campaign, asset and endpoint is looked up once.
 */
public final class NamesAtPlayTime {

    private final Connection c;
    private final ExpectedPlayRepository expected;
    private final PlayNameRepository names;
    private final Map<Long, Optional<PlayNameRepository.CampaignName>> campaigns = new HashMap<>();
    private final Map<String, Optional<String>> assets = new HashMap<>();
    private final Map<String, Optional<RecordedExpectation>> entries = new HashMap<>();
    private PlayNameRepository.EndpointName endpoint;

    public NamesAtPlayTime(Connection c, ExpectedPlayRepository expected, PlayNameRepository names) {
        this.c = c;
        this.expected = expected;
        this.names = names;
    }

    public PlayNames of(long endpointId, PlayRecordPayload p) throws SQLException {
        Optional<RecordedExpectation> planned = p.entryId() == null ? Optional.empty()
                : entry(endpointId, p.entryId());
        if (planned.isPresent() && planned.get().play().names().endpointName() != null) {
            PlayNames n = planned.get().play().names();
            String asset = n.assetName() != null ? n.assetName() : assetName(p.sha256()).orElse(null);
            return new PlayNames(n.campaignName(), asset, n.endpointName(), n.areaId(), n.areaName(), n.topic());
        }
        Optional<PlayNameRepository.CampaignName> campaign = p.campaignId() == null ? Optional.empty()
                : campaigns.computeIfAbsent(p.campaignId(), this::campaign);
        PlayNameRepository.EndpointName where = endpoint(endpointId);
        return new PlayNames(campaign.map(PlayNameRepository.CampaignName::name).orElse(null),
                assetName(p.sha256()).orElse(null), where.name(), where.areaId(), where.areaName(),
                campaign.map(PlayNameRepository.CampaignName::topic).orElse(null));
    }

    /** Reads the recorded entries of a batch's records in one go, before {@link #of} is asked for each. */
    public void prefetch(long endpointId, java.util.Collection<String> entryIds) throws SQLException {
        java.util.List<String> unknown = entryIds.stream().filter(id -> id != null && !entries.containsKey(id))
                .distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<String, RecordedExpectation> found = expected.byIds(c, endpointId, unknown);
        for (String id : unknown) {
            entries.put(id, Optional.ofNullable(found.get(id)));
        }
    }

    /** A loop's items share their entry: it is read once per batch. */
    private Optional<RecordedExpectation> entry(long endpointId, String entryId) throws SQLException {
        Optional<RecordedExpectation> known = entries.get(entryId);
        if (known == null) {
            known = expected.byId(c, endpointId, entryId);
            entries.put(entryId, known);
        }
        return known;
    }

    private Optional<String> assetName(String sha256) {
        return assets.computeIfAbsent(sha256, sha -> {
            try {
                return names.asset(c, sha);
            } catch (SQLException e) {
                throw new vn.bantin.store.StoreException(e);
            }
        });
    }

    private Optional<PlayNameRepository.CampaignName> campaign(long id) {
        try {
            return names.campaign(c, id);
        } catch (SQLException e) {
            throw new vn.bantin.store.StoreException(e);
        }
    }

    private PlayNameRepository.EndpointName endpoint(long id) throws SQLException {
        if (endpoint == null) {
            endpoint = names.endpoint(c, id).orElse(new PlayNameRepository.EndpointName(null, null, null));
        }
        return endpoint;
    }
}
