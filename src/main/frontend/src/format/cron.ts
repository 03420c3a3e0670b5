import cronstrue from 'cronstrue';
import 'cronstrue/locales/vi.js';
import { i18n } from '../i18n';

const t = (key: string, values?: Record<string, unknown>) => i18n.global.t(key, values ?? {});

/** "a, b và c" / "a, b and c". */
function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${t('cron.and')} ${items[items.length - 1]}`;
}

/** The values of a plain cron field: "5", "1,3,5", "1-5"; null for anything else (steps, names, *). */
function values(field: string, min: number, max: number): number[] | null {
  const out: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!range) return null;
    const from = Number(range[1]);
    const to = range[2] === undefined ? from : Number(range[2]);
    if (from < min || to > max || from > to) return null;
    for (let v = from; v <= to; v++) out.push(v);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

const pad = (n: number) => String(n).padStart(2, '0');

function weekdays(dow: string): string | null {
  if (dow === '1-5') return t('cron.weekdays');
  const days = values(dow, 0, 7);
  if (!days) return null;
  const names = [...new Set(days.map((d) => d % 7))].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => t(`cron.day${d}`));
  return t('cron.onWeekdays', { days: joinList(names) });
}

/**
 * A 5-field Unix cron (minute hour day-of-month month day-of-week, the area's local time) in plain words of the
 * current language, e.g. "0 6,17 * * *" → "06:00 và 17:00 hằng ngày". Shapes beyond fixed times on days go to
 * cronstrue; an expression neither understands is shown as it is.
 */
export function describeCron(cron: string): string {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) return cron;
  const [minute, hour, dom, month, dow] = f;
  const minutes = values(minute, 0, 59);
  const hours = values(hour, 0, 23);
  if (minutes && hours && month === '*' && hours.length * minutes.length <= 12) {
    const times = joinList(hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)));
    if (dom === '*' && dow === '*') return t('cron.daily', { times });
    if (dom === '*') {
      const days = weekdays(dow);
      if (days) return t('cron.weekly', { times, days });
    }
    const dates = dow === '*' ? values(dom, 1, 31) : null;
    if (dates) return t('cron.monthly', { times, dates: joinList(dates.map(String)) });
  }
  const every = /^\*\/(\d+)$/.exec(minute);
  if (every && hour === '*' && dom === '*' && month === '*' && dow === '*') {
    return t('cron.everyMinutes', { n: Number(every[1]) });
  }
  try {
    return cronstrue.toString(cron, { locale: i18n.global.locale.value, use24HourTimeFormat: true });
  } catch {
    return cron;
  }
}
