package vn.bantin.schedule;

import vn.bantin.domain.Alert;
import vn.bantin.domain.Area;
import vn.bantin.domain.Campaign;
import vn.bantin.domain.Endpoint;

import java.util.List;

/**
 * Everything one compilation reads: the whole area tree, the endpoints to compile for (the caller
 * chooses which), every campaign, the alerts that may be on air in the window (any status: a
 * cancelled one keeps what began before its cancellation), and the window [fromMs, toMs) in UTC
 * epoch milliseconds.
 */
public record ScheduleInput(List<Area> areas, List<Endpoint> endpoints, List<Campaign> campaigns,
                            List<Alert> alerts, long fromMs, long toMs) {

    public ScheduleInput(List<Area> areas, List<Endpoint> endpoints, List<Campaign> campaigns, long fromMs, long toMs) {
        this(areas, endpoints, campaigns, List.of(), fromMs, toMs);
    }

    public ScheduleInput {
        areas = List.copyOf(areas);
        endpoints = List.copyOf(endpoints);
        campaigns = List.copyOf(campaigns);
        alerts = List.copyOf(alerts);
        if (fromMs >= toMs) {
            throw new IllegalArgumentException("empty window [" + fromMs + ", " + toMs + ")");
        }
    }
}
