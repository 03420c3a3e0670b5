package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.ApprovalStatus;
import vn.bantin.domain.Endpoint;
import vn.bantin.schedule.ChangeScope;
import vn.bantin.store.ApprovalRepository;
import vn.bantin.store.ApprovalRepository.Kind;
import vn.bantin.store.Database;
import vn.bantin.store.EndpointRepository;
import vn.bantin.store.LifecycleRepository;
import vn.bantin.store.StoreException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits and deletions with the rules a user expects: an approved campaign is archived before it is deleted;
 * an asset a campaign or alert uses is archived, not deleted; an endpoint with evidence and an area with
 * anything in it are kept (409 with the reason). Play records keep the names they had.
 */
public final class Lifecycle {

    private final Database db;
    private final LifecycleRepository lifecycle;
    private final ApprovalRepository approvals;
    private final EndpointRepository endpoints;
    private final AreaScope scope;
    private final ChangeNotifier changes;

    public Lifecycle(Database db, LifecycleRepository lifecycle, ApprovalRepository approvals,
                     EndpointRepository endpoints, AreaScope scope, ChangeNotifier changes) {
        this.db = db;
        this.lifecycle = lifecycle;
        this.approvals = approvals;
        this.endpoints = endpoints;
        this.scope = scope;
        this.changes = changes;
    }

    public void deleteCampaign(Actor actor, long id) {
        db.tx(c -> {
            visible(c, actor, Kind.CAMPAIGN, id, "chiến dịch/campaign");
            ApprovalStatus status = approvals.status(c, Kind.CAMPAIGN, id).orElseThrow();
            if (status == ApprovalStatus.APPROVED || status == ApprovalStatus.SUBMITTED) {
                throw new ApiException(409, "archive_first", "Chiến dịch đang " + status + ": lưu trữ trước khi xóa"
                        + " / The campaign is " + status + ": archive it before deleting it");
            }
            lifecycle.deleteCampaign(c, id);
            return null;
        });
        changes.scheduleChanged(ChangeScope.campaigns(id));
    }

    public void deleteAsset(Actor actor, long id) {
        db.tx(c -> {
            visible(c, actor, Kind.ASSET, id, "tệp/asset");
            lifecycle.assetUser(c, id).ifPresent(user -> {
                throw new ApiException(409, "in_use", "Tệp đang được dùng bởi «" + user + "»: chỉ lưu trữ được,"
                        + " không xóa / The asset is used by '" + user + "': archive it instead of deleting it");
            });
            lifecycle.deleteAsset(c, id);
            return null;
        });
    }

    public void deleteEndpoint(Actor actor, long id) {
        keptIfReferenced(() -> db.tx(c -> {
            visibleEndpoint(c, actor, id);
            lifecycle.deleteEndpoint(c, id);
            return null;
        }), "has_evidence", "Thiết bị đã có bản ghi phát hoặc lịch sử: thu hồi thay vì xóa / The endpoint has play"
                + " records or history: revoke it instead of deleting it");
        changes.scheduleChanged();
    }

    /** An area with nothing in it; never the actor's own root area. */
    public void deleteArea(Actor actor, long id) {
        if (Long.valueOf(id).equals(actor.areaId())) {
            throw new ApiException(409, "own_area", "Không thể xóa khu vực gốc của chính mình / You cannot delete"
                    + " your own area");
        }
        keptIfReferenced(() -> db.tx(c -> {
            scope.require(c, actor, id);
            lifecycle.deleteArea(c, id);
            return null;
        }), "in_use", "Khu vực còn khu vực con, thiết bị, nội dung hoặc người dùng / The area still has areas,"
                + " endpoints, content or people in it");
        changes.scheduleChanged();
    }

    public void updateEndpoint(Actor actor, long id, String name, List<String> tags) {
        String clean = required(name, "name", 200);
        Set<String> cleanTags = EndpointService.cleanTags(tags);
        db.tx(c -> {
            visibleEndpoint(c, actor, id);
            lifecycle.renameEndpoint(c, id, clean, new ArrayList<>(cleanTags));
            return null;
        });
        changes.scheduleChanged(ChangeScope.endpoints(id));
    }

    private void visible(java.sql.Connection c, Actor actor, Kind kind, long id, String what) throws SQLException {
        Long area = approvals.owner(c, kind, id).orElseThrow(() -> ApiException.notFound(what, id)).areaId();
        AreaScope.requireVisible(scope.of(c, actor), area, what, id);
    }

    private void visibleEndpoint(java.sql.Connection c, Actor actor, long id) throws SQLException {
        Endpoint e = endpoints.byId(c, id).orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", id));
        AreaScope.requireVisible(scope.of(c, actor), e.areaId(), "thiết bị/endpoint", id);
    }

    /** A row still referenced elsewhere (a foreign key, SQLSTATE class 23) is kept, with the reason. */
    private static void keptIfReferenced(Runnable delete, String code, String message) {
        try {
            delete.run();
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                throw new ApiException(409, code, message);
            }
            throw e;
        }
    }

    private static String required(String raw, String field, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty() || v.length() > max) {
            throw ApiException.badRequest("bad_" + field, "'" + field + "' cần 1-" + max + " ký tự / '" + field
                    + "' needs 1-" + max + " characters");
        }
        return v;
    }
}
