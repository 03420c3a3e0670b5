import { callJson } from '../../api/client';
import type { Approval } from '../../content/approval';

/** STREAM relays a live source (an upper-level station) for a window, like LOOP does with files. */
export type Mode = 'ONCE' | 'LOOP' | 'STREAM';

export interface SlotDraft {
  mode: Mode;
  /** 5-field cron in the area's local time, or '' for one-off times only. */
  cron: string;
  /** One-off local date-times, yyyy-MM-ddTHH:mm. */
  at: string[];
  exclude: string[];
  windowMinutes: number | null;
  allowedDelayMinutes: number;
  /** the relayed source, STREAM only */
  sourceId: number | null;
}

export interface PlaylistEntry { assetId: number; name: string; kind: 'VIDEO' | 'AUDIO' | 'IMAGE'; durationMs: number;
  /** Only pictures have no length of their own: how long the screen shows them. */
  seconds?: number }

export interface CampaignDraft {
  name: string;
  topic: string;
  class: 'NORMAL' | 'PRIORITY';
  rank: number;
  startDate: string;
  endDate: string;
  volume: number;
  playlist: PlaylistEntry[];
  slots: SlotDraft[];
  targets: { areas: number[]; tags: string[]; endpoints: number[] };
}

/** A campaign as the API answers it. */
export interface Campaign {
  id: number; areaId: number | null; name: string; class: 'NORMAL' | 'PRIORITY'; rank: number; startDate: string;
  endDate: string; approved: boolean; volume: number; topic: string | null;
  playlist: { assetId: number; name: string; kind: PlaylistEntry['kind']; durationMs: number }[];
  slots: { id: number; mode: Mode; cron: string | null; at: string[]; windowMinutes: number | null;
    allowedDelayMinutes: number; exclude?: string[]; sourceId?: number | null;
    source?: { id: number; name: string; url: string } | null }[];
  targets: { areas: number[]; tags: string[]; endpoints: number[] };
  approval?: Approval;
}

export const DEFAULT_DELAY = 15;
export const IMAGE_SECONDS = 10;

export function newSlot(): SlotDraft {
  return { mode: 'ONCE', cron: '0 6 * * *', at: [], exclude: [], windowMinutes: null, allowedDelayMinutes: DEFAULT_DELAY,
    sourceId: null };
}

export function emptyDraft(today: string, plusDays: (d: string, n: number) => string): CampaignDraft {
  return { name: '', topic: '', class: 'NORMAL', rank: 0, startDate: today, endDate: plusDays(today, 30), volume: 80,
    playlist: [], slots: [newSlot()], targets: { areas: [], tags: [], endpoints: [] } };
}

export function draftOf(c: Campaign): CampaignDraft {
  return {
    name: c.name, topic: c.topic ?? '', class: c.class, rank: c.rank, startDate: c.startDate, endDate: c.endDate,
    volume: c.volume,
    playlist: c.playlist.map((p) => ({ ...p, seconds: p.kind === 'IMAGE' ? Math.round(p.durationMs / 1000) : undefined })),
    slots: c.slots.map((s) => ({ mode: s.mode, cron: s.cron ?? '', at: [...s.at], exclude: [...(s.exclude ?? [])],
      windowMinutes: s.windowMinutes, allowedDelayMinutes: s.allowedDelayMinutes, sourceId: s.sourceId ?? null })),
    targets: { areas: [...c.targets.areas], tags: [...c.targets.tags], endpoints: [...c.targets.endpoints] },
  };
}

/** The body of POST /api/v1/campaigns and PUT /api/v1/campaigns/{id}. */
export function bodyOf(d: CampaignDraft) {
  return {
    name: d.name.trim(), topic: d.topic.trim() || undefined, class: d.class, rank: d.rank, startDate: d.startDate,
    endDate: d.endDate, volume: d.volume,
    playlist: d.playlist.map((p) => ({ assetId: p.assetId, durationSeconds: p.kind === 'IMAGE' ? p.seconds : undefined })),
    slots: d.slots.map((s) => ({ mode: s.mode, cron: s.cron.trim() || undefined, at: s.at.filter(Boolean),
      exclude: s.exclude.filter(Boolean), windowMinutes: s.mode !== 'ONCE' ? s.windowMinutes ?? undefined : undefined,
      allowedDelayMinutes: s.allowedDelayMinutes, sourceId: s.mode === 'STREAM' ? s.sourceId ?? undefined : undefined })),
    targets: d.targets,
  };
}

export function listCampaigns(): Promise<Campaign[]> {
  return callJson<Campaign[]>('GET', '/api/v1/campaigns?limit=1000');
}

export function getCampaign(id: number): Promise<Campaign> {
  return callJson<Campaign>('GET', `/api/v1/campaigns/${id}`);
}

export function saveCampaign(d: CampaignDraft, id?: number): Promise<Campaign> {
  return id === undefined ? callJson<Campaign>('POST', '/api/v1/campaigns', bodyOf(d))
    : callJson<Campaign>('PUT', `/api/v1/campaigns/${id}`, bodyOf(d));
}
