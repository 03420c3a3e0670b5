/**
 * What an installer types into the agent's config (players/agent/agent.properties.example), as one text.
 * Without a name (an area's code, shared by several devices) each device is named by its host name.
 */
export function installerText(o: { controllerUrl: string; kind: string; name?: string | null; code: string;
  controllerKeyFingerprint?: string | null; controllerCaFingerprint?: string | null }): string {
  const lines = [`controller.url=${o.controllerUrl}`, `kind=${o.kind}`];
  if (o.name) lines.push(`name=${o.name.replace(/[\r\n]/g, ' ')}`);
  lines.push(`enrollment.code=${o.code}`);
  if (o.controllerKeyFingerprint) lines.push(`controller.key.fingerprint=${o.controllerKeyFingerprint}`);
  // the controller's own CA (tls.mode=local-ca): the agent trusts HTTPS from that CA only
  if (o.controllerCaFingerprint) lines.push(`controller.ca.fingerprint=${o.controllerCaFingerprint}`);
  return lines.join('\n');
}

/** A device key's fingerprint as people compare it with the device's own log line: groups of four. */
export function groupedFingerprint(hex: string | null | undefined): string {
  return (hex ?? '').replace(/(.{4})(?=.)/g, '$1 ');
}
