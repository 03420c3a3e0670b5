/** Days a simple slot repeats on: every day, Monday to Friday, or chosen weekdays (0 = Sunday … 6 = Saturday). */
export type Days = { kind: 'daily' } | { kind: 'weekdays' } | { kind: 'some'; days: number[] };

/** The simple shape of a cron the builder edits: fixed times on days. Null when the expression is something else. */
export interface Simple { times: string[]; days: Days }

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "06:00" and "17:00" every day → "0 6,17 * * *". A cron line multiplies its minutes by its hours, so times must
 * share their minute; otherwise null (the person adds a second slot).
 */
export function cronOf(simple: Simple): string | null {
  const parsed = simple.times.map((t) => /^(\d{1,2}):(\d{2})$/.exec(t.trim())).filter((m) => m !== null);
  if (parsed.length === 0 || parsed.length !== simple.times.length) return null;
  const minutes = new Set(parsed.map((m) => Number(m![2])));
  if (minutes.size !== 1) return null;
  const hours = [...new Set(parsed.map((m) => Number(m![1])))].sort((a, b) => a - b);
  if (hours.some((h) => h > 23) || [...minutes][0] > 59) return null;
  const dow = simple.days.kind === 'daily' ? '*' : simple.days.kind === 'weekdays' ? '1-5'
    : [...simple.days.days].sort((a, b) => a - b).join(',');
  if (dow === '') return null;
  return `${[...minutes][0]} ${hours.join(',')} * * ${dow}`;
}

/** The builder's view of a cron, when it is one of the shapes cronOf makes. */
export function simpleOf(cron: string): Simple | null {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5 || f[2] !== '*' || f[3] !== '*' || !/^\d{1,2}$/.test(f[0]) || !/^\d{1,2}(,\d{1,2})*$/.test(f[1])) {
    return null;
  }
  const times = f[1].split(',').map((h) => `${pad(Number(h))}:${pad(Number(f[0]))}`);
  if (f[4] === '*') return { times, days: { kind: 'daily' } };
  if (f[4] === '1-5') return { times, days: { kind: 'weekdays' } };
  if (/^[0-7](,[0-7])*$/.test(f[4])) {
    return { times, days: { kind: 'some', days: [...new Set(f[4].split(',').map((d) => Number(d) % 7))] } };
  }
  return null;
}
