package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.access.Scope;
import vn.bantin.domain.Alert;
import vn.bantin.store.AlertRepository;
import vn.bantin.store.AlertReviewRepository;
import vn.bantin.store.AlertReviewRepository.Review;
import vn.bantin.store.Database;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** Reviews of alerts that went on air without an approver: an APPROVER or ADMIN of the area looks afterwards. */
public final class AlertReviews {

    private final Database db;
    private final AlertRepository alerts;
    private final AlertReviewRepository reviews;
    private final AreaScope scope;
    private final Clock clock;

    public AlertReviews(Database db, AlertRepository alerts, AlertReviewRepository reviews, AreaScope scope,
                        Clock clock) {
        this.db = db;
        this.alerts = alerts;
        this.reviews = reviews;
        this.scope = scope;
        this.clock = clock;
    }

    /** Every review of alerts (the caller shows only the alerts it may see). */
    public Map<Long, Review> all() {
        return db.read(reviews::all);
    }

    public Optional<Review> of(long alertId) {
        return db.read(c -> reviews.of(c, alertId));
    }

    public Review review(Actor actor, long alertId, String note) {
        String text = note == null ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw ApiException.badRequest("too_long", "Ghi chú tối đa 1000 ký tự / note is limited to 1000 characters");
        }
        return db.tx(c -> {
            Alert alert = alerts.byId(c, alertId).orElseThrow(() -> ApiException.notFound("cảnh báo/alert", alertId));
            Scope visible = scope.of(c, actor);
            AreaScope.requireVisible(visible, alert.targets().withinAreaId(), "cảnh báo/alert", alertId);
            if (!reviews.review(c, alertId, actor.name(), clock.millis(), text)) {
                throw new ApiException(409, "no_review_pending", "Cảnh báo này không chờ xem xét / This alert has no"
                        + " review pending");
            }
            return reviews.of(c, alertId).orElseThrow();
        });
    }
}
