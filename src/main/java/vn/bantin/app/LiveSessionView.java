package vn.bantin.app;

import vn.bantin.domain.LiveSession;
import vn.bantin.domain.LiveSession.Reach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A live session as the API and the live hub show it (openapi.json {@code LiveSession}). */
public final class LiveSessionView {

    private LiveSessionView() {
    }

    /** With the speaker's display name beside their login ({@code startedByName}), as people know them. */
    public static Map<String, Object> of(LiveSession s, String startedByName) {
        Map<String, Object> m = of(s);
        m.put("startedByName", startedByName);
        return m;
    }

    public static Map<String, Object> of(LiveSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("broadcastClass", s.broadcastClass().name());
        m.put("status", s.status().name());
        m.put("areaId", s.targets().withinAreaId());
        m.put("startedBy", s.startedBy());
        m.put("startedAt", s.startedAt());
        m.put("epochMs", s.epochMs());
        m.put("endedAt", s.endedAt());
        m.put("endReason", s.endReason());
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("areaIds", new ArrayList<>(s.targets().areaIds()));
        targets.put("tags", new ArrayList<>(s.targets().tags()));
        targets.put("endpointIds", new ArrayList<>(s.targets().endpointIds()));
        m.put("targets", targets);
        List<Map<String, Object>> endpoints = new ArrayList<>();
        s.endpoints().forEach(r -> endpoints.add(of(r)));
        m.put("endpoints", endpoints);
        m.put("recordingAssetId", s.recordingAssetId());
        return m;
    }

    public static Map<String, Object> of(Reach r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpointId", r.endpointId());
        m.put("name", r.name());
        m.put("state", r.state().name());
        m.put("detail", r.detail());
        m.put("at", r.at());
        return m;
    }
}
