import { callJson } from '../api/client';
import type { components } from '../api/schema';
import type { Approval } from './approval';

/** A media job (preview, loudness, one rendition), as GET /api/v1/assets/{id} and the live job events carry it. */
export interface Job { id: number; assetId: number; task: string; state: string; progress: number; error: string | null }
export type Rendition = components['schemas']['Rendition'];

/** An asset as GET /api/v1/assets answers it, with its processing facts and approval. */
export type Asset = components['schemas']['Asset'] & {
  status?: 'PROCESSING' | 'READY' | 'FAILED';
  failureReason?: string | null;
  loudness?: { integratedLufs: number; truePeakDbtp: number | null; rangeLu: number | null } | null;
  thumbnailUrl?: string | null;
  renditions?: Rendition[];
  jobs?: Job[];
  approval?: Approval;
  duplicate?: boolean;
};

/** Every asset the caller may see (up to the list API's largest page). */
export function listAssets(): Promise<Asset[]> {
  return callJson<Asset[]>('GET', '/api/v1/assets?limit=1000');
}

export function getAsset(id: number): Promise<Asset> {
  return callJson<Asset>('GET', `/api/v1/assets/${id}`);
}

/** Where the page plays the asset as endpoints will (see GET /api/v1/assets/{id}/media). */
export const mediaUrl = (id: number) => `/api/v1/assets/${id}/media`;

/** Overall processing progress 0–100 from the asset's jobs (preview, loudness, one per rendition). */
export function processingPercent(jobs: Job[]): number {
  if (jobs.length === 0) return 0;
  const sum = jobs.reduce((n, j) => n + (j.state === 'DONE' || j.state === 'FAILED' ? 100 : j.progress ?? 0), 0);
  return Math.round(sum / jobs.length);
}
