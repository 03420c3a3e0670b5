package vn.bantin.ui;

import io.vertx.core.json.JsonObject;
import vn.bantin.access.Role;
import vn.bantin.support.TestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** The people a journey signs in as (e2e/lib/people.mjs reads them from BANTIN_PEOPLE). */
final class RolePeople {

    private RolePeople() {
    }

    /**
     * One person per role, named prefix + role, in the commune (the admin over the province), as
     * {role: {username, password}}; the controller makes their passwords.
     */
    static Map<String, Object> perRole(TestController controller, String prefix, long provinceId, long communeId) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            out.put(role.name(), person(controller, prefix + role.name().toLowerCase(), role,
                    role == Role.ADMIN ? provinceId : communeId));
        }
        return out;
    }

    static JsonObject person(TestController controller, String username, Role role, long areaId) {
        return new JsonObject().put("username", username).put("password", controller.createUser(username, role, areaId));
    }
}
