package vn.bantin.config;

import java.time.Duration;

/**
 * How the controller keeps in touch with its agents. Every key is documented in ops/bantin.sample.properties.
 *
 * @param offlineAfter an endpoint not heard from (call, stream message or pong) for this long is offline
 * @param pushPing     how often the push stream is pinged: keeps cellular NAT mappings open, finds dead links
 * @param commandTtl   how long a remote command may wait for its endpoint before it expires
 */
public record AgentLinkConfig(Duration offlineAfter, Duration pushPing, Duration commandTtl) {
}
