package vn.bantin.app;

import java.time.LocalDateTime;
import java.util.List;

/** A campaign as staff submitted it, before validation. Durations in the units staff type. */
public record CampaignDraft(String name, String broadcastClass, Long rank, String startDate, String endDate,
                            Long volume, String topic, List<Item> playlist, List<SlotDraft> slots,
                            List<Long> areaIds, List<String> tags, List<Long> endpointIds) {

    public record Item(long assetId, Long durationSeconds) {
    }

    /**
     * {@code exclude}: local dates (YYYY-MM-DD) on which the slot never starts, e.g. public holidays;
     * {@code sourceId}: the live source a STREAM slot relays.
     */
    public record SlotDraft(String mode, String cron, List<String> at, Long windowMinutes,
                            Long allowedDelayMinutes, List<String> exclude, Long sourceId) {
    }

    static LocalDateTime parseLocal(String raw) {
        return LocalDateTime.parse(raw.length() == 16 ? raw + ":00" : raw);
    }
}
