import { markRaw, reactive } from 'vue';
import { Upload, type DetailedError } from 'tus-js-client';
import { ApiFailure, callJson } from '../../api/client';
import { csrfToken } from '../../session/csrf';
import { onLive } from '../../live/live';
import { getAsset, processingPercent, type Asset, type Job } from '../../content/assets';
import { describeRefusal } from '../../content/refusal';

export type Phase = 'uploading' | 'reconnecting' | 'finishing' | 'processing' | 'done' | 'failed';

/** One file on its way: bytes sent (tus), then the controller's processing (preview, loudness, renditions). */
export interface UploadTask {
  key: number;
  name: string;
  size: number;
  sent: number;
  phase: Phase;
  /** How often the connection dropped and the upload went on from where the controller had got to. */
  resumed: number;
  processing: number;
  jobs: Record<number, Job>;
  asset?: Asset;
  error?: string;
  upload?: Upload;
}

/** Tries again after a dropped connection: at once, then after 1, 3, 5, 10 and 20 s. */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];
/**
 * Bytes per request. The controller keeps whatever arrived even from a broken request, but a browser cannot
 * always tell a stalled link from a slow one; a request of 1 MiB (about 10 s on a weak 3G uplink) ends soon,
 * and the next one starts from what the controller holds.
 */
const CHUNK_BYTES = 1024 * 1024;
let nextKey = 1;

/** The uploads of this page, kept current from the live job events. */
export const tasks = reactive<UploadTask[]>([]);

onLive('job.progress', (job) => {
  for (const task of tasks) {
    if (task.asset?.id === job.assetId && (task.phase === 'processing' || task.phase === 'done')) {
      task.jobs[job.id] = { ...task.jobs[job.id], ...job };
      settle(task);
    }
  }
});

function settle(task: UploadTask) {
  const jobs = Object.values(task.jobs);
  task.processing = processingPercent(jobs);
  if (jobs.length > 0 && jobs.every((j) => j.state === 'DONE' || j.state === 'FAILED')) {
    const failed = jobs.find((j) => j.state === 'FAILED');
    task.phase = failed ? 'failed' : 'done';
    if (failed) task.error = failed.error ?? undefined;
    onSettled.forEach((f) => f(task));
  }
}

const onSettled = new Set<(task: UploadTask) => void>();

/** Called when a task's processing has finished (done or failed), to refresh the library. */
export function whenSettled(handler: (task: UploadTask) => void): () => void {
  onSettled.add(handler);
  return () => onSettled.delete(handler);
}

/** Follows an asset's processing: its jobs now, then live events (and a slow check in case one was missed). */
export async function follow(task: UploadTask, asset: Asset) {
  task.asset = asset;
  task.phase = 'processing';
  for (const j of asset.jobs ?? []) task.jobs[j.id] = j;
  settle(task);
  while (task.phase === 'processing') {
    await new Promise((r) => setTimeout(r, 5000));
    if (task.phase !== 'processing') break;
    const now = await getAsset(asset.id).catch(() => null);
    if (now) {
      task.asset = now;
      for (const j of now.jobs ?? []) task.jobs[j.id] = { ...task.jobs[j.id], ...j };
      settle(task);
    }
  }
}

/** Starts (or resumes, if this browser began it before) a tus upload of the file, then ingests it. */
export function startUpload(file: File): UploadTask {
  tasks.unshift({ key: nextKey++, name: file.name, size: file.size, sent: 0, phase: 'uploading', resumed: 0,
    processing: 0, jobs: {} });
  const task = tasks[0];
  const upload = new Upload(file, {
    endpoint: '/api/v1/uploads',
    retryDelays: RETRY_DELAYS,
    chunkSize: CHUNK_BYTES,
    metadata: { filename: file.name, filetype: file.type },
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onBeforeRequest(req) {
      const token = csrfToken();
      if (token) req.setHeader('X-CSRF-Token', token);
    },
    onProgress(sent, total) {
      task.sent = sent;
      task.size = total;
      if (task.phase === 'reconnecting') {
        task.phase = 'uploading';
        task.resumed++;
      }
    },
    onShouldRetry(err: DetailedError) {
      const status = err.originalResponse?.getStatus() ?? 0;
      const retry = status === 0 || status >= 500 || status === 409 || status === 423;
      if (retry) task.phase = 'reconnecting';
      return retry;
    },
    onError(err) {
      task.phase = 'failed';
      task.error = refusalOf(err as DetailedError);
    },
    async onSuccess() {
      task.sent = task.size;
      task.phase = 'finishing';
      try {
        const id = upload.url!.substring(upload.url!.lastIndexOf('/') + 1);
        await follow(task, await callJson<Asset>('POST', `/api/v1/uploads/${id}/finish`, {}));
      } catch (e) {
        task.phase = 'failed';
        task.error = describeRefusal(e);
      }
    },
  });
  task.upload = markRaw(upload);
  upload.findPreviousUploads().then((previous) => {
    if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
    upload.start();
  });
  return task;
}

/** After a failure: tus asks the controller where it got to and sends the rest. */
export function retry(task: UploadTask) {
  task.phase = 'uploading';
  task.error = undefined;
  task.upload?.start();
}

export function cancel(task: UploadTask) {
  task.upload?.abort(true).catch(() => undefined);
  tasks.splice(tasks.indexOf(task), 1);
}

/** A text-to-speech bulletin just saved: no bytes to send, only its processing to follow. */
export function followSaved(asset: Asset): UploadTask {
  tasks.unshift({ key: nextKey++, name: asset.name, size: asset.sizeBytes, sent: asset.sizeBytes, phase: 'processing',
    resumed: 0, processing: 0, jobs: {} });
  const task = tasks[0];
  follow(task, asset);
  return task;
}

/** The controller's refusal from a tus answer's body. */
function refusalOf(err: DetailedError): string {
  const res = err.originalResponse;
  if (!res) return describeRefusal(err);
  let body = {};
  try {
    body = JSON.parse(res.getBody() || '{}');
  } catch {
    // not JSON: the status alone speaks
  }
  return describeRefusal(new ApiFailure(res.getStatus(), body));
}
