package vn.bantin.evidence;

/**
 * The names a play had when it was planned or played: what a report prints, kept with the evidence so
 * renaming or deleting the campaign, asset, endpoint or area later changes nothing already recorded.
 * Any of them may be null when unknown.
 */
public record PlayNames(String campaignName, String assetName, String endpointName, Long areaId, String areaName,
                        String topic) {
}
