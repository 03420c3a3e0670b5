package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.ApprovalStatus;
import vn.bantin.domain.ApprovalStep;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.ApprovalRepository.Kind;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import static vn.bantin.domain.ApprovalStatus.APPROVED;
import static vn.bantin.domain.ApprovalStatus.ARCHIVED;
import static vn.bantin.domain.ApprovalStatus.DRAFT;
import static vn.bantin.domain.ApprovalStatus.REJECTED;
import static vn.bantin.domain.ApprovalStatus.SUBMITTED;

/**
 * The approval lifecycle of assets and campaigns, every step recorded with who and when. The submitter may
 * not approve their own item unless the owner area allows self-approval (one-person communes); the
 * configured admin token, the installation's root credential, may. Callers check visibility first and run
 * these inside their transaction.
 */
public final class Approvals {

    /** Where an item stands and how it got there. */
    public record State(ApprovalStatus status, List<ApprovalStep> history) {
    }

    private final ApprovalRepository approvals;
    private final AreaPolicies policies;
    private final Clock clock;

    public Approvals(ApprovalRepository approvals, AreaPolicies policies, Clock clock) {
        this.approvals = approvals;
        this.policies = policies;
        this.clock = clock;
    }

    public State state(Connection c, Kind kind, long id) throws SQLException {
        return new State(status(c, kind, id), approvals.history(c, kind, id));
    }

    public void created(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        approvals.addStep(c, kind, id, step("CREATED", DRAFT, actor, null));
    }

    public void submit(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        ApprovalStatus now = status(c, kind, id);
        if (now != DRAFT && now != REJECTED && now != ARCHIVED) {
            throw wrongState(now, "gửi duyệt / submit");
        }
        move(c, kind, id, "SUBMITTED", SUBMITTED, actor, null);
    }

    /** From SUBMITTED by someone other than the submitter; straight from DRAFT only where self-approval is allowed. */
    public void approve(Connection c, Actor actor, Kind kind, long id, Long ownerAreaId) throws SQLException {
        ApprovalStatus now = status(c, kind, id);
        boolean selfAllowed = actor.via() == Actor.Via.ADMIN_TOKEN
                || policies.inForce(c, ownerAreaId).policy().selfApproval();
        if (now == APPROVED) {
            return;
        }
        if (now == DRAFT || now == REJECTED || now == ARCHIVED) {
            if (!selfAllowed) {
                throw new ApiException(409, "not_submitted", "Cần gửi duyệt trước, người khác sẽ duyệt / Submit it"
                        + " first; someone else approves it");
            }
            move(c, kind, id, "SUBMITTED", SUBMITTED, actor, null);
        } else if (!selfAllowed && actor.key().equals(submitter(c, kind, id))) {
            throw new ApiException(409, "own_submission", "Người gửi duyệt không được tự duyệt / The submitter may"
                    + " not approve their own item");
        }
        move(c, kind, id, "APPROVED", APPROVED, actor, null);
    }

    public void reject(Connection c, Actor actor, Kind kind, long id, String reason) throws SQLException {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 1000) {
            throw ApiException.badRequest("reason_required", "Từ chối cần lý do (tối đa 1000 ký tự) / A rejection"
                    + " needs a reason (at most 1000 characters)");
        }
        ApprovalStatus now = status(c, kind, id);
        if (now != SUBMITTED && now != APPROVED) {
            throw wrongState(now, "từ chối / reject");
        }
        move(c, kind, id, "REJECTED", REJECTED, actor, why);
    }

    /** An approver takes an approval back: the item leaves timelines until approved again. */
    public void withdraw(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        if (status(c, kind, id) != DRAFT) {
            move(c, kind, id, "WITHDRAWN", DRAFT, actor, null);
        }
    }

    /** Kept with its history but off the air and out of the way; submitting it again brings it back. */
    public void archive(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        if (status(c, kind, id) != ARCHIVED) {
            move(c, kind, id, "ARCHIVED", ARCHIVED, actor, null);
        }
    }

    /** Any change to the item's content, targets or slots sends it back to DRAFT. */
    public void changed(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        ApprovalStatus now = status(c, kind, id);
        move(c, kind, id, now == DRAFT ? "EDITED" : "RETURNED", DRAFT, actor,
                now == DRAFT ? null : "Đã sửa sau khi " + now + " / changed after " + now);
    }

    private void move(Connection c, Kind kind, long id, String step, ApprovalStatus to, Actor actor, String reason)
            throws SQLException {
        approvals.setStatus(c, kind, id, to);
        approvals.addStep(c, kind, id, step(step, to, actor, reason));
    }

    private ApprovalStep step(String step, ApprovalStatus to, Actor actor, String reason) {
        return new ApprovalStep(step, to, actor.key(), actor.name(), clock.millis(), reason, null);
    }

    private ApprovalStatus status(Connection c, Kind kind, long id) throws SQLException {
        return approvals.status(c, kind, id).orElseThrow(() -> ApiException.notFound(kind.name().toLowerCase(), id));
    }

    private String submitter(Connection c, Kind kind, long id) throws SQLException {
        List<ApprovalStep> history = approvals.history(c, kind, id);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).step().equals("SUBMITTED")) {
                return history.get(i).actorKey();
            }
        }
        return null;
    }

    private static ApiException wrongState(ApprovalStatus now, String action) {
        return new ApiException(409, "bad_state", "Không thể " + action.split(" / ")[0] + " khi đang " + now
                + " / Cannot " + action.split(" / ")[1] + " while " + now);
    }
}
