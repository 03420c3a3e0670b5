import type { components } from '../../api/schema';
import { periodQuery, PRESETS, type Preset } from './period';

export type Report = components['schemas']['Report'];
export type ReportLine = components['schemas']['ReportLine'];
export type Kind = 'VIDEO' | 'IMAGE' | 'AUDIO';
export const KINDS: readonly Kind[] = ['VIDEO', 'IMAGE', 'AUDIO'];
export const TABLES = ['campaign', 'area', 'endpoint', 'topic', 'kind'] as const;
export type Table = typeof TABLES[number];

/** A campaign the person may pick: from the campaigns list, or seen in a report of their scope. */
export interface CampaignChoice {
  id: number;
  name: string;
  topic?: string | null;
}

/**
 * Campaigns to choose from: those listed, and those a report named (a campaign made at province level is not
 * in a commune's list, yet its broadcasts are in the commune's reports).
 */
export function campaignChoices(listed: CampaignChoice[], seen: Report[]): CampaignChoice[] {
  const byId = new Map<number, CampaignChoice>(listed.map((c) => [c.id, c]));
  for (const r of seen) {
    for (const line of r.campaigns) {
      if (line.id && !byId.has(line.id)) byId.set(line.id, { id: line.id, name: line.name, topic: line.detail });
    }
  }
  return [...byId.values()];
}

/** What the person chose on the screen (kept in the address, so a report can be linked and reloaded). */
export interface ReportFilters {
  preset: Preset;
  from: string;
  to: string;
  areaId: number | null;
  campaignId: number | null;
  endpointId: number | null;
  topic: string;
  kind: '' | Kind;
}

export function emptyFilters(): ReportFilters {
  return { preset: 'thisMonth', from: '', to: '', areaId: null, campaignId: null, endpointId: null, topic: '', kind: '' };
}

/** The API's query parameters for the filters; today is the area's date (yyyy-MM-dd). */
export function reportParams(f: ReportFilters, today: string): Record<string, string> {
  const p: Record<string, string | undefined> = { ...periodQuery(f.preset, today, f.from, f.to) };
  if (f.areaId != null) p.areaId = String(f.areaId);
  if (f.campaignId != null) p.campaignId = String(f.campaignId);
  if (f.endpointId != null) p.endpointId = String(f.endpointId);
  if (f.topic) p.topic = f.topic;
  if (f.kind) p.kind = f.kind;
  return Object.fromEntries(Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The download address of an export of the same report. */
export function exportUrl(params: Record<string, string>, format: 'csv' | 'xlsx' | 'pdf', by: Table, issuer: string): string {
  const q = new URLSearchParams({ ...params, format });
  if (format === 'csv') q.set('by', by);
  if (format !== 'csv' && issuer.trim()) q.set('issuer', issuer.trim());
  return `/api/v1/reports?${q}`;
}

/** Filters as an address query and back. */
export function toRouteQuery(f: ReportFilters): Record<string, string> {
  const q: Record<string, string> = { preset: f.preset };
  if (f.preset === 'custom') Object.assign(q, { from: f.from, to: f.to });
  for (const k of ['areaId', 'campaignId', 'endpointId', 'topic', 'kind'] as const) {
    if (f[k] != null && f[k] !== '') q[k] = String(f[k]);
  }
  return q;
}

export function fromRouteQuery(q: Record<string, unknown>): ReportFilters {
  const f = emptyFilters();
  const text = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const id = (k: string) => (/^\d+$/.test(text(k)) ? Number(text(k)) : null);
  if ((PRESETS as readonly string[]).includes(text('preset'))) f.preset = text('preset') as Preset;
  f.from = text('from');
  f.to = text('to');
  f.areaId = id('areaId');
  f.campaignId = id('campaignId');
  f.endpointId = id('endpointId');
  f.topic = text('topic');
  if ((['VIDEO', 'IMAGE', 'AUDIO'] as string[]).includes(text('kind'))) f.kind = text('kind') as Kind;
  return f;
}

/** The report's rows of one table. */
export function rowsOf(r: Report, table: Table): ReportLine[] {
  return { campaign: r.campaigns, area: r.areas, endpoint: r.endpoints, topic: r.topics, kind: r.contentKinds }[table];
}
