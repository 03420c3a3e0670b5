package vn.bantin.config;

import vn.bantin.media.MediaLimits;
import vn.bantin.media.RenditionSettings;

import java.nio.file.Path;

/**
 * Typed controller configuration. Every key is documented in ops/bantin.sample.properties.
 *
 * @param adminToken a fixed admin token (demo, tests); null means generate one on first start
 * @param renditions loudness target and per-profile sound; changing them re-makes the renditions they touch
 */
public record BantinConfig(String host, int port, Path dataDir, String jdbcUrl, String jdbcUser,
                           String jdbcPassword, long maxUploadBytes, String adminToken,
                           long timelineHorizonDays, String defaultZone, AccessConfig access,
                           TrustConfig trust, EvidenceConfig evidence, AgentLinkConfig agentLink,
                           MediaLimits mediaLimits, MapConfig map, LiveConfig live,
                           RenditionSettings renditions) {

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public Path uploadTempDir() {
        return dataDir.resolve("uploads");
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }
}
