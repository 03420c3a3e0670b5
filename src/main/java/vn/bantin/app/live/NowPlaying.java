package vn.bantin.app.live;

/**
 * What an endpoint plays now, by the names people know: the campaign (or alert title) and the content.
 * {@code campaignId} is null for an alert.
 */
public record NowPlaying(String entryId, Long campaignId, String campaignName, String assetName,
                         String broadcastClass, Long since) {
}
