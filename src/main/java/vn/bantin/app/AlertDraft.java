package vn.bantin.app;

import java.util.List;

/** An alert as an operator asks for it, before validation. Times are ISO-8601 instants with offset. */
public record AlertDraft(String title, Long audioAssetId, Long visualAssetId, Long imageSeconds, String startAt,
                         Long repeat, Long intervalSeconds, String endAt, Long volume, String issuedBy,
                         List<Long> areaIds, List<String> tags, List<Long> endpointIds) {
}
