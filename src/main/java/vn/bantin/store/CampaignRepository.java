package vn.bantin.store;

import vn.bantin.domain.Asset;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.LiveSource;
import vn.bantin.domain.PlaylistItem;
import vn.bantin.domain.Slot;
import vn.bantin.domain.SlotMode;
import vn.bantin.domain.Targets;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Campaigns with their playlist, slots and targets, read and written as one aggregate. */
public final class CampaignRepository {

    private static final String INSERT = "INSERT INTO campaign (name, broadcast_class, rank_in_class, start_date,"
            + " end_date, approved, volume, topic, created_at, area_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ITEM =
            "INSERT INTO campaign_item (campaign_id, position, asset_id, duration_ms) VALUES (?, ?, ?, ?)";
    private static final String INSERT_SLOT = "INSERT INTO campaign_slot (campaign_id, mode, cron, window_ms,"
            + " allowed_delay_ms, source_id) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_ONE_OFF = "INSERT INTO slot_one_off (slot_id, local_at) VALUES (?, ?)";
    private static final String INSERT_EXCLUDED =
            "INSERT INTO slot_excluded_date (slot_id, local_date) VALUES (?, ?)";
    private static final String INSERT_TARGET =
            "INSERT INTO campaign_target (campaign_id, target_type, target_value) VALUES (?, ?, ?)";
    private static final String ALL = "SELECT * FROM campaign ORDER BY id";
    private static final String ITEMS = "SELECT * FROM campaign_item ORDER BY campaign_id, position";
    private static final String SLOTS = "SELECT * FROM campaign_slot ORDER BY id";
    private static final String ONE_OFFS = "SELECT * FROM slot_one_off ORDER BY slot_id, local_at";
    private static final String EXCLUDED = "SELECT * FROM slot_excluded_date ORDER BY slot_id, local_date";
    private static final String TARGETS = "SELECT * FROM campaign_target ORDER BY campaign_id, target_type, target_value";

    private final AssetRepository assets;
    private final LiveSourceRepository sources;

    public CampaignRepository(AssetRepository assets) {
        this.assets = assets;
        this.sources = new LiveSourceRepository(assets);
    }

    /** Inserts the campaign; ids inside the given record (campaign, slots, assets' ids used) are respected as refs. */
    public long insert(Connection c, Campaign campaign, long nowMs) throws SQLException {
        long id = Sql.insert(c, INSERT, campaign.name(), campaign.broadcastClass().name(), campaign.rank(),
                campaign.startDate(), campaign.endDate(), campaign.approved(), campaign.volume(), campaign.topic(),
                nowMs, campaign.targets().withinAreaId());
        insertParts(c, id, campaign);
        return id;
    }

    /** Replaces what the campaign is (fields, playlist, slots, targets); its owner and approval stay as they are. */
    public void replace(Connection c, long id, Campaign campaign) throws SQLException {
        Sql.update(c, "UPDATE campaign SET name = ?, broadcast_class = ?, rank_in_class = ?, start_date = ?,"
                + " end_date = ?, volume = ?, topic = ? WHERE id = ?", campaign.name(),
                campaign.broadcastClass().name(), campaign.rank(), campaign.startDate(), campaign.endDate(),
                campaign.volume(), campaign.topic(), id);
        deleteParts(c, id);
        insertParts(c, id, campaign);
    }

    /** Removes the campaign's slots, playlist and targets (before replacing them, or the campaign). */
    static void deleteParts(Connection c, long id) throws SQLException {
        String slotsOf = "(SELECT id FROM campaign_slot WHERE campaign_id = ?)";
        Sql.update(c, "DELETE FROM slot_one_off WHERE slot_id IN " + slotsOf, id);
        Sql.update(c, "DELETE FROM slot_excluded_date WHERE slot_id IN " + slotsOf, id);
        for (String table : List.of("campaign_slot", "campaign_item", "campaign_target")) {
            Sql.update(c, "DELETE FROM " + table + " WHERE campaign_id = ?", id);
        }
    }

    /** Removes one slot of the campaign; false when the campaign has no such slot. */
    public boolean deleteSlot(Connection c, long campaignId, long slotId) throws SQLException {
        if (Sql.one(c, "SELECT id FROM campaign_slot WHERE id = ? AND campaign_id = ?", rs -> rs.getLong(1), slotId,
                campaignId).isEmpty()) {
            return false;
        }
        Sql.update(c, "DELETE FROM slot_one_off WHERE slot_id = ?", slotId);
        Sql.update(c, "DELETE FROM slot_excluded_date WHERE slot_id = ?", slotId);
        Sql.update(c, "DELETE FROM campaign_slot WHERE id = ?", slotId);
        return true;
    }

    private static void insertParts(Connection c, long id, Campaign campaign) throws SQLException {
        int position = 0;
        for (PlaylistItem item : campaign.playlist()) {
            Sql.update(c, INSERT_ITEM, id, position++, item.asset().id(), item.durationMs());
        }
        for (Slot slot : campaign.slots()) {
            long slotId = Sql.insert(c, INSERT_SLOT, id, slot.mode().name(), slot.cron(),
                    slot.window() == null ? null : slot.window().toMillis(), slot.allowedDelay().toMillis(),
                    slot.source() == null ? null : slot.source().id());
            for (LocalDateTime at : new LinkedHashSet<>(slot.oneOffs())) {
                Sql.update(c, INSERT_ONE_OFF, slotId, at.toString());
            }
            for (LocalDate day : new LinkedHashSet<>(slot.excludedDates())) {
                Sql.update(c, INSERT_EXCLUDED, slotId, day);
            }
        }
        insertTargets(c, id, "AREA", campaign.targets().areaIds());
        insertTargets(c, id, "TAG", campaign.targets().tags());
        insertTargets(c, id, "ENDPOINT", campaign.targets().endpointIds());
    }


    public Optional<Campaign> byId(Connection c, long id) throws SQLException {
        return all(c).stream().filter(x -> x.id() == id).findFirst();
    }

    public List<Campaign> all(Connection c) throws SQLException {
        Map<Long, Asset> assetById = assets.all(c).stream()
                .collect(Collectors.toMap(s -> s.asset().id(), StoredAsset::asset));
        Map<Long, List<PlaylistItem>> items = new HashMap<>();
        Sql.list(c, ITEMS, rs -> items.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>())
                .add(new PlaylistItem(assetById.get(rs.getLong("asset_id")), rs.getLong("duration_ms"))));
        Map<Long, List<LocalDateTime>> oneOffs = new HashMap<>();
        Sql.list(c, ONE_OFFS, rs -> oneOffs.computeIfAbsent(rs.getLong("slot_id"), k -> new ArrayList<>())
                .add(LocalDateTime.parse(rs.getString("local_at"))));
        Map<Long, List<LocalDate>> excluded = new HashMap<>();
        Sql.list(c, EXCLUDED, rs -> excluded.computeIfAbsent(rs.getLong("slot_id"), k -> new ArrayList<>())
                .add(rs.getObject("local_date", LocalDate.class)));
        Map<Long, LiveSource> sourceById = sources.byId(c);
        Map<Long, List<Slot>> slots = new HashMap<>();
        Sql.list(c, SLOTS, rs -> {
            long slotId = rs.getLong("id");
            Long window = Sql.nullableLong(rs, "window_ms");
            Long source = Sql.nullableLong(rs, "source_id");
            return slots.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>())
                    .add(new Slot(slotId, SlotMode.valueOf(rs.getString("mode")), rs.getString("cron"),
                            List.copyOf(oneOffs.getOrDefault(slotId, List.of())),
                            window == null ? null : Duration.ofMillis(window),
                            Duration.ofMillis(rs.getLong("allowed_delay_ms")),
                            excluded.getOrDefault(slotId, List.of()), source == null ? null : sourceById.get(source)));
        });
        Map<Long, Map<String, List<String>>> targets = new HashMap<>();
        Sql.list(c, TARGETS, rs -> targets.computeIfAbsent(rs.getLong("campaign_id"), k -> new HashMap<>())
                .computeIfAbsent(rs.getString("target_type"), k -> new ArrayList<>())
                .add(rs.getString("target_value")));
        return Sql.list(c, ALL, rs -> {
            long id = rs.getLong("id");
            Map<String, List<String>> t = targets.getOrDefault(id, Map.of());
            return new Campaign(id, rs.getString("name"), BroadcastClass.valueOf(rs.getString("broadcast_class")),
                    rs.getInt("rank_in_class"), rs.getObject("start_date", LocalDate.class),
                    rs.getObject("end_date", LocalDate.class), rs.getBoolean("approved"), rs.getInt("volume"),
                    rs.getString("topic"), List.copyOf(items.getOrDefault(id, List.of())),
                    List.copyOf(slots.getOrDefault(id, List.of())),
                    new Targets(set(t.get("AREA"), Long::valueOf), set(t.get("TAG"), Function.identity()),
                            set(t.get("ENDPOINT"), Long::valueOf), Sql.nullableLong(rs, "area_id")));
        });
    }

    private static void insertTargets(Connection c, long campaignId, String type, Set<?> values) throws SQLException {
        for (Object v : values) {
            Sql.update(c, INSERT_TARGET, campaignId, type, String.valueOf(v));
        }
    }

    private static <T> Set<T> set(List<String> values, Function<String, T> parse) {
        if (values == null) {
            return Set.of();
        }
        return values.stream().map(parse).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
