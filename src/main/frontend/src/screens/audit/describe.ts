import { i18n } from '../../i18n';
import { formatDateTime } from '../../format/time';

/** One record as GET /api/v1/audit answers it. */
export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  role: string | null;
  areaId: number | null;
  address: string | null;
  action: string;
  object: string | null;
  outcome: number;
  before: string | null;
  after: string | null;
  hash: string;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** "POST /api/v1/campaigns/{id}/approve" → "Duyệt chiến dịch"; anything not from the API as it was recorded. */
export function describeAction(action: string): string {
  const { t, te } = i18n.global;
  const m = /^(GET|POST|PUT|PATCH|DELETE) \/api\/v1\/(.+)$/.exec(action);
  if (!m) return action;
  const parts = m[2].split('/').filter((p) => !p.startsWith('{')).map(camel);
  const special = `audit.specials.${m[1]}_${parts.join('_')}`;
  if (te(special)) return t(special);
  const step = parts.length > 1 ? parts[parts.length - 1] : null;
  const verb = step && te(`audit.verbs.${step}`) ? t(`audit.verbs.${step}`) : t(`audit.verbs.${m[1]}`);
  return t('audit.actionText', { verb, kind: kindName(parts[0]) });
}

export function kindName(kind: string): string {
  const { t, te } = i18n.global;
  return te(`audit.kinds.${kind}`) ? t(`audit.kinds.${kind}`) : kind;
}

function parse(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** "Chiến dịch «Bản tin sáng»": the object by the name it had, else by number. */
export function describeObject(e: AuditEntry): string {
  if (!e.object || !e.object.includes('/')) return '';
  const [kind, id] = e.object.split('/');
  const name = [parse(e.after), parse(e.before)].map((s) => s && (s.displayName ?? s.name ?? s.username))
    .find((n) => typeof n === 'string' && n);
  const label = kindName(kind);
  const kindText = label.charAt(0).toLocaleUpperCase('vi') + label.slice(1);
  return typeof name === 'string' ? i18n.global.t('audit.objectNamed', { kind: kindText, name })
    : i18n.global.t('audit.objectNumbered', { kind: kindText, id });
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

function show(key: string, v: unknown): string {
  const { t, te } = i18n.global;
  if (v === null || v === undefined || v === '') return t('audit.empty');
  if (key === 'role' && typeof v === 'string' && te(`role.${v}`)) return t(`role.${v}`);
  if (typeof v === 'boolean') return v ? t('audit.yes') : t('audit.no');
  if (typeof v === 'number' && /At$/.test(key) && v > 1e12) return formatDateTime(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** What changed between the recorded before and after, field by field, in words; plus how many stayed. */
export function changes(e: AuditEntry): { changed: FieldChange[]; unchanged: number; first: boolean } | null {
  const after = parse(e.after);
  if (!after) return null;
  const before = parse(e.before) ?? {};
  const { t, te } = i18n.global;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, label: te(`audit.fields.${k}`) ? t(`audit.fields.${k}`) : k,
      before: show(k, before[k]), after: show(k, after[k]) }));
  return { changed, unchanged: keys.length - changed.length, first: e.before == null };
}

/** Midnight at the start of a local date (yyyy-MM-dd) in a zone, as epoch ms. */
export function localMidnight(iso: string, zone: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  const utc = Date.UTC(y, m - 1, d);
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric',
    month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
    .formatToParts(new Date(utc)).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return utc - (wall - utc);
}
