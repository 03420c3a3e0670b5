package vn.bantin.domain;

import java.time.LocalDate;
import java.util.List;

/** Content, targets and slots, valid over [startDate, endDate] (inclusive, in each endpoint's zone). */
public record Campaign(long id, String name, BroadcastClass broadcastClass, int rank, LocalDate startDate,
                       LocalDate endDate, boolean approved, int volume, String topic, List<PlaylistItem> playlist,
                       List<Slot> slots, Targets targets) {
}
