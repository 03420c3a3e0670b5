package vn.bantin.security;

import java.util.Optional;

/** Finds a device's key and status by device id; empty for a device the controller does not know. */
@FunctionalInterface
public interface DeviceKeyLookup {
    Optional<DeviceKey> find(String deviceId);
}
