import { ref } from 'vue';

/** Vietnam's zone: the default of every area that does not set its own. */
export const DEFAULT_ZONE = 'Asia/Ho_Chi_Minh';

/** The zone times are shown in: the signed-in user's area's. */
export const displayZone = ref(DEFAULT_ZONE);

type Parts = Record<'day' | 'month' | 'year' | 'hour' | 'minute' | 'second', string>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(ms: number, zone: string): Parts {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const out = {} as Parts;
  for (const p of f.formatToParts(new Date(ms))) {
    if (p.type in { day: 1, month: 1, year: 1, hour: 1, minute: 1, second: 1 }) {
      out[p.type as keyof Parts] = p.value;
    }
  }
  return out;
}

/** dd/MM/yyyy in the zone. */
export function formatDate(ms: number, zone = displayZone.value): string {
  const p = partsOf(ms, zone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm (24 h) in the zone; with seconds when asked. */
export function formatTime(ms: number, zone = displayZone.value, seconds = false): string {
  const p = partsOf(ms, zone);
  return seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}

/** dd/MM/yyyy HH:mm in the zone. */
export function formatDateTime(ms: number, zone = displayZone.value): string {
  return `${formatDate(ms, zone)} ${formatTime(ms, zone)}`;
}

/** "2025-12-19" or "2025-12-19T17:00" (an area's local wall clock, as the API writes it) as dd/MM/yyyy [HH:mm]. */
export function formatLocal(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[4] ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The zone's UTC offset as "UTC+7" at that instant. */
export function zoneOffset(zone = displayZone.value, at = Date.now()): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name.replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0');
}

/** Today's date (yyyy-MM-dd) on the zone's wall clock, for API parameters. */
export function isoDateIn(zone = displayZone.value, at = Date.now()): string {
  const p = partsOf(at, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** A duration in ms as m:ss or h:mm:ss. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Bytes as "12,3 MB" (decimal comma in Vietnamese). */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}
