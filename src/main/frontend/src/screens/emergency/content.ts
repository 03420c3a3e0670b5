import { api, must } from '../../api/client';
import type { components } from '../../api/schema';
import { onLive } from '../../live/live';

export type Asset = components['schemas']['Asset'];
export type Voice = 'north' | 'central' | 'south';
const RECHECK_MS = 2000;

/** The spoken bulletin made from the operator's text, once its speaker rendition is ready to push. */
export async function speak(text: string, voice: Voice, title: string, timeoutMs = 60_000): Promise<Asset> {
  const made = await must(api.POST('/api/v1/tts', { body: { text, voice, name: `${title}.wav` } }));
  return ready(made.id, timeoutMs);
}

/**
 * Resolves when the asset's processing has finished: job events say when to look, and the asset itself says how
 * it went. A job's last event can come just before the asset's own state is written, so it is also looked at
 * every {@link RECHECK_MS} until then.
 */
export function ready(assetId: number, timeoutMs: number): Promise<Asset> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = async () => {
      if (done) return;
      const a = await must(api.GET('/api/v1/assets/{id}', { params: { path: { id: assetId } } }));
      if (a.status === 'PROCESSING') return;
      finish();
      if (a.status === 'READY') resolve(a);
      else reject(new Error(a.failureReason ?? 'processing failed'));
    };
    const stop = onLive('job.progress', (j) => {
      if (j.assetId === assetId && (j.state === 'DONE' || j.state === 'FAILED')) check().catch(fail);
    });
    const recheck = setInterval(() => check().catch(fail), RECHECK_MS);
    const timer = setTimeout(() => fail(new Error('timeout')), timeoutMs);
    function finish() {
      done = true;
      stop();
      clearInterval(recheck);
      clearTimeout(timer);
    }
    function fail(e: unknown) {
      if (done) return;
      finish();
      reject(e);
    }
    check().catch(fail);
  });
}

/** Seconds between repeats: the longest item plus a pause, so repeats never overlap. */
export function intervalFor(audio: Asset | null, visual: Asset | null): number {
  const longest = Math.max(audio?.durationMs ?? 0, visual?.kind === 'VIDEO' ? visual.durationMs : 0, 30_000);
  return Math.ceil(longest / 1000) + 15;
}
