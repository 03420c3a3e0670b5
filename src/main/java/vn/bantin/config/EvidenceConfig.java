package vn.bantin.config;

import java.time.Duration;

/**
 * How the evidence keeps up with time. Every key is documented in ops/bantin.sample.properties.
 *
 * @param planRefresh how often the approved plan is recorded again, so the horizon stays filled
 * @param classifyEvery how often expected plays that ended without a record are given their reason
 */
public record EvidenceConfig(Duration planRefresh, Duration classifyEvery) {
}
