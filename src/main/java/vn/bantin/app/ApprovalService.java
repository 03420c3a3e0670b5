package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.ApprovalRepository.Kind;
import vn.bantin.store.CampaignRepository;
import vn.bantin.store.Database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Submit, approve, reject and withdraw assets and campaigns of the actor's scope; timelines follow at once. A
 * campaign is held to the plan rules again when it is approved, as they stand then.
 */
public final class ApprovalService {

    private final Database db;
    private final ApprovalRepository repository;
    private final Approvals approvals;
    private final AreaScope scope;
    private final ChangeNotifier changes;
    private final CampaignRepository campaigns;
    private final CampaignRules rules;

    public ApprovalService(Database db, ApprovalRepository repository, Approvals approvals, AreaScope scope,
                           ChangeNotifier changes, CampaignRepository campaigns, CampaignRules rules) {
        this.campaigns = campaigns;
        this.rules = rules;
        this.db = db;
        this.repository = repository;
        this.approvals = approvals;
        this.scope = scope;
        this.changes = changes;
    }

    public Approvals.State state(Actor actor, Kind kind, long id) {
        return db.read(c -> {
            owner(c, actor, kind, id);
            return approvals.state(c, kind, id);
        });
    }

    public Approvals.State submit(Actor actor, Kind kind, long id) {
        return act(actor, kind, id, (c, owner) -> approvals.submit(c, actor, kind, id));
    }

    public Approvals.State approve(Actor actor, Kind kind, long id) {
        return act(actor, kind, id, (c, owner) -> {
            approvals.approve(c, actor, kind, id, owner);
            if (kind == Kind.CAMPAIGN) {
                rules.check(c, campaigns.byId(c, id).orElseThrow());
            }
        });
    }

    public Approvals.State reject(Actor actor, Kind kind, long id, String reason) {
        return act(actor, kind, id, (c, owner) -> approvals.reject(c, actor, kind, id, reason));
    }

    public Approvals.State archive(Actor actor, Kind kind, long id) {
        return act(actor, kind, id, (c, owner) -> approvals.archive(c, actor, kind, id));
    }

    public Approvals.State withdraw(Actor actor, Kind kind, long id) {
        return act(actor, kind, id, (c, owner) -> approvals.withdraw(c, actor, kind, id));
    }

    @FunctionalInterface
    private interface Step {
        void run(Connection c, Long ownerAreaId) throws SQLException;
    }

    private Approvals.State act(Actor actor, Kind kind, long id, Step step) {
        Approvals.State after = db.tx(c -> {
            step.run(c, owner(c, actor, kind, id));
            return approvals.state(c, kind, id);
        });
        changes.scheduleChanged(kind == Kind.ASSET ? ChangeScope.assets(id) : ChangeScope.campaigns(id));
        return after;
    }

    /** The item's owner area, if the item exists and lies in the actor's scope; else 404. */
    private Long owner(Connection c, Actor actor, Kind kind, long id) throws SQLException {
        String what = kind == Kind.ASSET ? "tệp/asset" : "chiến dịch/campaign";
        Long area = repository.owner(c, kind, id).orElseThrow(() -> ApiException.notFound(what, id)).areaId();
        AreaScope.requireVisible(scope.of(c, actor), area, what, id);
        return area;
    }
}
