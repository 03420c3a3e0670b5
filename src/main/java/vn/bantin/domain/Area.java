package vn.bantin.domain;

import java.time.ZoneId;

/** Province → commune → sub-area. A null quiet-hours value means "inherit from the parent". */
public record Area(long id, Long parentId, String name, ZoneId zone, QuietHours quietHours) {
}
