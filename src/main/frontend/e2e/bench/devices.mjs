// Enrolled devices for ops/bench/ui, speaking the agent contract (src/main/resources/contract/README.md):
// an Ed25519 key each, every request signed; enrolled with a one-time code, then timeline and heartbeats.
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export class Device {
  constructor(base) {
    this.base = base;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKey = Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url');
    this.id = sha256(this.publicKey).slice(0, 32);
  }

  async call(method, path, body) {
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('hex');
    const text = [method, path, this.id, timestamp, nonce, sha256(bytes)].join('\n');
    const headers = { 'X-Bantin-Device': this.id, 'X-Bantin-Timestamp': timestamp, 'X-Bantin-Nonce': nonce,
      'X-Bantin-Signature': sign(null, Buffer.from(text), this.privateKey).toString('base64') };
    if (bytes.length) headers['Content-Type'] = 'application/json';
    const r = await fetch(this.base + path, { method, headers, body: bytes.length ? bytes : undefined });
    const answer = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${answer}`);
    return answer ? JSON.parse(answer) : undefined;
  }

  enroll(kind, name, code) {
    return this.call('POST', '/agent/v1/enroll', { publicKey: this.publicKey.toString('base64'), kind, name,
      hardware: { model: 'Raspberry Pi 4 Model B', os: 'Debian GNU/Linux 12', agentVersion: 'bench' },
      enrollmentCode: code });
  }

  /** A heartbeat as the agent sends it, saying it plays the timeline's first entry since a minute ago. */
  async heartbeatPlayingFirst() {
    const timeline = await this.call('GET', '/agent/v1/timeline');
    const entry = timeline.entries[0];
    const now = Date.now();
    return this.call('POST', '/agent/v1/heartbeat', { agentTime: now, uptimeMs: 3_600_000, bootedAt: now - 7_200_000,
      diskFreeBytes: 12_000_000_000, diskTotalBytes: 31_000_000_000, cacheBytes: 40_000_000,
      timelineVersion: null, timelineSerial: timeline.serial ?? null, volume: 70, masterVolume: 100,
      temperatureC: 47.5, version: 'bench', clockOffsetMs: 3, spooledRecords: 0, mpv: entry ? 'PLAYING' : 'IDLE',
      sinceLastHeartbeat: { reboots: 0, restarts: 0, count: 0, ms: 0 }, faults: [],
      nowPlaying: entry ? { entryId: entry.id, sha256: entry.items[0].sha256, class: entry.class, since: now - 60_000 } : null });
  }
}
