import type { components } from '../api/schema';

/**
 * What GET /api/v1/events sends (event name → data), as the controller's live hub publishes it
 * (vn.bantin.app.live). Times are epoch ms.
 */
export interface LiveEventMap {
  /** An endpoint came online, went offline, or changed enrollment state. */
  'endpoint.status': { endpointId: number; name: string; areaId: number | null; online: boolean;
    lastSeenAt: number | null };
  /** What an endpoint's device reports playing (from its heartbeat), by name. */
  'endpoint.playing': { endpointId: number; areaId: number | null; nowPlaying: NowPlaying | null };
  /** An endpoint's device fetched a new timeline: what it plays from now on, by name. */
  'endpoint.schedule': { endpointId: number; areaId: number | null; schedule: OnAirEntry[] };
  /**
   * A device asked to join (status PENDING), or its request was approved (ACTIVE) or rejected (REVOKED); sent to
   * the area it waits in (and, when approval moved it, to the area it left).
   */
  'endpoint.enrollment': { endpointId: number; name: string; kind: 'SCREEN' | 'SPEAKER'; areaId: number | null;
    status: 'PENDING' | 'ACTIVE' | 'REVOKED' };
  /** A signed play record was stored. */
  'play.recorded': { endpointId: number; endpointName: string | null; areaId: number | null; seq: number;
    campaignId: number | null; campaignName: string | null; alertId: number | null; assetName: string | null;
    class: string; outcome: string; reason: string | null; startedAt: number | null; endedAt: number | null };
  /** A media job advanced (preview or rendition). */
  'job.progress': { id: number; assetId: number; task: string; state: string; progress: number;
    error: string | null };
  /** An endpoint sent a heartbeat: its facts (GET /api/v1/endpoints/{id}) are new, with the faults they show. */
  'endpoint.heartbeat': { endpointId: number; areaId: number | null; at: number; faults: string[] };
  /** An alert was issued or cancelled. */
  'alert.changed': { alertId: number; title: string; status: string; endpoints: number };
  /** A live-microphone session opened, went on air, changed an endpoint's state or ended (the mic line's hub). */
  'live.session': { id: number; status: string; areaId?: number | null };
  /** An endpoint targeted by an alert fetched it (delivered) or started playing it. */
  'alert.delivery': { alertId: number; endpointId: number; endpointName: string; areaId: number | null;
    state: 'DELIVERED' | 'STARTED'; at: number };
}

export type NowPlaying = components['schemas']['NowPlayingNamed'];
export type OnAirEntry = components['schemas']['OnAirEntry'];

export type LiveEventType = keyof LiveEventMap;
