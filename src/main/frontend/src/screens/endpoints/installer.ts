/** What an installer types into the agent's config (players/agent/agent.properties.example), as one text. */
export function installerText(o: { controllerUrl: string; kind: string; name: string; code: string;
  controllerKeyFingerprint?: string | null; controllerCaFingerprint?: string | null }): string {
  const lines = [`controller.url=${o.controllerUrl}`, `kind=${o.kind}`, `name=${o.name.replace(/[\r\n]/g, ' ')}`,
    `enrollment.code=${o.code}`];
  if (o.controllerKeyFingerprint) lines.push(`controller.key.fingerprint=${o.controllerKeyFingerprint}`);
  // the controller's own CA (tls.mode=local-ca): the agent trusts HTTPS from that CA only
  if (o.controllerCaFingerprint) lines.push(`controller.ca.fingerprint=${o.controllerCaFingerprint}`);
  return lines.join('\n');
}

/** A device key's fingerprint as people compare it with the device's own log line: groups of four. */
export function groupedFingerprint(hex: string | null | undefined): string {
  return (hex ?? '').replace(/(.{4})(?=.)/g, '$1 ');
}
