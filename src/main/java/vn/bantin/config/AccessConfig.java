package vn.bantin.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Sign-in settings. Every key is documented in ops/bantin.sample.properties.
 *
 * @param adminTokenFile a file holding the admin token (systemd credentials, the demo), null for none
 */
public record AccessConfig(Duration sessionIdle, Duration sessionAbsolute, int failuresPerAccount,
                           int failuresPerAddress, Duration failureWindow, int argon2MemoryKiB,
                           int argon2Iterations, Path adminTokenFile) {
}
