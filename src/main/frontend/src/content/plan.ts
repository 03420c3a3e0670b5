import { callJson } from '../api/client';

export interface PlanItem { sha256: string; name: string | null; kind: 'VIDEO' | 'IMAGE' | 'AUDIO'; durationMs: number }
export interface PlanEntry {
  id: string; start: string; end: string; startMs: number; endMs: number; mode: 'ONCE' | 'LOOP';
  class: 'NORMAL' | 'PRIORITY' | 'EMERGENCY'; campaignId: number; campaign: string | null; items: PlanItem[];
}
export interface PlanConflict {
  kind: 'DROPPED' | 'DELAYED' | 'QUIET_HOURS' | 'NOT_READY'; campaignId: number; campaign: string | null; slotId: number;
  occurrenceStart: string; occurrenceStartMs: number; reason: string;
}
export interface EndpointPlan {
  endpointId: number; name: string; kind: 'SCREEN' | 'SPEAKER'; areaId: number | null; zone: string;
  from: string; to: string; entries: PlanEntry[]; conflicts: PlanConflict[];
}
export interface PlanPreview { date: string; days: number; includeUnapproved: boolean; endpoints: EndpointPlan[] }

/** What every endpoint of an area (and the areas under it) would air over whole local days (GET /api/v1/preview). */
export function planOf(areaId: number, date: string, days: number, includeUnapproved: boolean): Promise<PlanPreview> {
  const q = new URLSearchParams({ areaId: String(areaId), date, days: String(days),
    includeUnapproved: String(includeUnapproved) });
  return callJson<PlanPreview>('GET', `/api/v1/preview?${q}`);
}

/** The endpoints a campaign reaches in the plan: it airs there, or it would but a conflict stops it. */
export function reachedBy(plan: PlanPreview, campaignId: number | undefined): EndpointPlan[] {
  if (campaignId === undefined) return plan.endpoints;
  return plan.endpoints.filter((e) => e.entries.some((x) => x.campaignId === campaignId)
    || e.conflicts.some((c) => c.campaignId === campaignId));
}

/**
 * A wall-clock time of the endpoint's zone ("2026-12-02T06:00") as a Date whose UTC fields are that wall clock,
 * so a timeline drawn in UTC shows the zone's own times whatever the browser's zone is.
 */
export function wallClock(local: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(local);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0)));
}
