import { callJson } from '../../api/client';

/** The live-microphone API (the mic line's /api/v1/live-sessions; shapes as announced for issue 11). */
export type LiveClass = 'NORMAL' | 'PRIORITY' | 'EMERGENCY';
export type EndpointState = 'WAITING' | 'PLAYING' | 'REFUSED' | 'OFFLINE';

export interface Reach {
  endpointId: number; name: string; state: EndpointState;
  /** why, "vi / en" */
  detail: string | null; at: number;
}

export interface LiveSession {
  id: number; title: string; broadcastClass: LiveClass; status: 'OPEN' | 'ON_AIR' | 'ENDED' | 'FAILED';
  /** login, and the display name people know them by (API answers only) */
  startedBy: string; startedByName?: string; startedAt: number; endedAt: number | null; endReason?: string | null;
  targets: { areaIds: number[]; tags: string[]; endpointIds: number[] };
  endpoints: Reach[]; recordingAssetId: number | null;
}

export interface LiveTargets { areaIds: number[]; tags: string[]; endpointIds: number[] }

export function openSession(title: string, broadcastClass: LiveClass, targets: LiveTargets): Promise<LiveSession> {
  return callJson<LiveSession>('POST', '/api/v1/live-sessions', { title, broadcastClass, targets });
}

export function endSession(id: number): Promise<LiveSession> {
  return callJson<LiveSession>('POST', `/api/v1/live-sessions/${id}/end`, {});
}

export function recentSessions(): Promise<LiveSession[]> {
  return callJson<LiveSession[]>('GET', '/api/v1/live-sessions?limit=10&sort=-id');
}
