package vn.bantin.schedule;

import vn.bantin.domain.Area;
import vn.bantin.domain.BroadcastClass;
import vn.bantin.domain.Endpoint;
import vn.bantin.domain.EndpointKind;
import vn.bantin.domain.EndpointStatus;
import vn.bantin.domain.LiveSession.EndpointState;
import vn.bantin.domain.LiveSession.Reach;
import vn.bantin.domain.QuietHours;
import vn.bantin.domain.Targets;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which loudspeakers a live session reaches when it opens, and whether each takes it: an EMERGENCY session takes
 * every targeted speaker; a PRIORITY or NORMAL one is refused, with the reason, by a speaker whose area is in its
 * quiet hours at that moment (DESIGN §5: quiet hours hold back everything but emergencies).
 */
public final class LiveReach {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private LiveReach() {
    }

    public static List<Reach> of(Targets targets, BroadcastClass broadcastClass, Collection<Area> areas,
                                 Collection<Endpoint> endpoints, long nowMs) {
        AreaTree tree = new AreaTree(areas);
        List<Reach> out = new ArrayList<>();
        endpoints.stream().sorted(Comparator.comparingLong(Endpoint::id))
                .filter(e -> e.kind() == EndpointKind.SPEAKER && e.status() == EndpointStatus.ACTIVE)
                .filter(e -> AlertOverlay.targets(targets, e, tree))
                .forEach(e -> out.add(reach(e, broadcastClass, tree, nowMs)));
        return out;
    }

    private static Reach reach(Endpoint e, BroadcastClass broadcastClass, AreaTree tree, long nowMs) {
        QuietHours quiet = tree.quietHours(e.areaId());
        LocalTime local = LocalTime.ofInstant(Instant.ofEpochMilli(nowMs), tree.zone(e.areaId()));
        if (broadcastClass != BroadcastClass.EMERGENCY && quiet != null && quiet.contains(local)) {
            String window = quiet.from().format(HH_MM) + "–" + quiet.to().format(HH_MM);
            return new Reach(e.id(), e.name(), e.areaId(), EndpointState.REFUSED, "Đang trong giờ yên lặng (" + window
                    + "): chỉ phát khẩn cấp / In quiet hours (" + window + "): emergencies only", nowMs);
        }
        return new Reach(e.id(), e.name(), e.areaId(), EndpointState.WAITING, null, nowMs);
    }
}
