package vn.bantin.agent.command;

import java.util.Map;

/** A command as the controller signed it for this device (contract: push commands). */
public record Command(long id, String kind, Map<String, Object> args, long issuedAt, long expiresAt) {
}
