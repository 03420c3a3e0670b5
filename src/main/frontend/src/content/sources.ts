import { callJson } from '../api/client';

/** A live source a campaign slot can relay (the relay line's /api/v1/sources: an Icecast/HTTP or HLS station). */
export interface LiveSource {
  id: number; name: string; url: string; kind: 'ICECAST' | 'HLS'; description: string | null;
  areaId: number | null; areaName: string | null;
  fallbackAsset: { id: number; name: string; kind: string; durationMs: number } | null;
  archived: boolean; createdAt: number; updatedAt: number;
}

export interface SourceDraft { name: string; url: string; fallbackAssetId: number | null; description: string | null }

export function listSources(includeArchived = false): Promise<LiveSource[]> {
  return callJson<LiveSource[]>('GET', `/api/v1/sources?limit=1000&sort=name${includeArchived ? '' : '&archived=false'}`);
}

export function saveSource(draft: SourceDraft, id?: number): Promise<LiveSource> {
  return id === undefined ? callJson('POST', '/api/v1/sources', draft) : callJson('PUT', `/api/v1/sources/${id}`, draft);
}

export function archiveSource(id: number, restore: boolean): Promise<LiveSource> {
  return callJson('POST', `/api/v1/sources/${id}/${restore ? 'restore' : 'archive'}`, {});
}
