package vn.bantin.app;

import vn.bantin.access.Actor;
import vn.bantin.domain.Endpoint;
import vn.bantin.store.EndpointRepository;

import java.sql.Connection;
import java.sql.SQLException;

/** An endpoint as one person may reach it: it exists and sits in their area subtree, else 404. */
public final class VisibleEndpoints {

    private final EndpointRepository endpoints;
    private final AreaScope scope;

    public VisibleEndpoints(EndpointRepository endpoints, AreaScope scope) {
        this.endpoints = endpoints;
        this.scope = scope;
    }

    public Endpoint require(Connection c, Actor actor, long id) throws SQLException {
        Endpoint e = endpoints.byId(c, id).orElseThrow(() -> ApiException.notFound("thiết bị/endpoint", id));
        AreaScope.requireVisible(scope.of(c, actor), e.areaId(), "thiết bị/endpoint", id);
        return e;
    }
}
