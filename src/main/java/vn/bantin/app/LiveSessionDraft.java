package vn.bantin.app;

import java.util.List;

/** A live session as asked for: what it is called, its class, and whom it reaches. */
public record LiveSessionDraft(String title, String broadcastClass, List<Long> areaIds, List<String> tags,
                               List<Long> endpointIds) {
}
