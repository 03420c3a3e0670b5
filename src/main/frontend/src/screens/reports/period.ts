/** The period presets of the reports screen, as the reports API's period and at (or from/to for a custom range). */
export const PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'lastQuarter', 'thisHalf', 'lastHalf',
  'thisYear', 'lastYear', 'custom'] as const;
export type Preset = typeof PRESETS[number];

export interface PeriodQuery {
  period: 'month' | 'quarter' | 'half' | 'year' | 'custom';
  at?: string;
  from?: string;
  to?: string;
}

const KIND: Record<Exclude<Preset, 'custom'>, [PeriodQuery['period'], number]> = {
  thisMonth: ['month', 0], lastMonth: ['month', 1], thisQuarter: ['quarter', 0], lastQuarter: ['quarter', 1],
  thisHalf: ['half', 0], lastHalf: ['half', 1], thisYear: ['year', 0], lastYear: ['year', 1],
};
const MONTHS: Record<Exclude<PeriodQuery['period'], 'custom'>, number> = { month: 1, quarter: 3, half: 6, year: 12 };

function iso(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month, day));
  return d.toISOString().slice(0, 10);
}

/**
 * The API query for a preset, given today (yyyy-MM-dd on the area's wall clock): "last quarter" asks for the
 * quarter containing the day before this quarter began.
 */
export function periodQuery(preset: Preset, today: string, from?: string, to?: string): PeriodQuery {
  if (preset === 'custom') return { period: 'custom', from, to };
  const [period, back] = KIND[preset];
  if (back === 0) return { period, at: today };
  const [y, m] = today.split('-').map(Number);
  const length = MONTHS[period as keyof typeof MONTHS];
  const firstMonth = Math.floor((m - 1) / length) * length;
  return { period, at: iso(y, firstMonth, 0) };
}

/** Whether a custom range can be asked for: both ends given, in order. */
export function validRange(from?: string, to?: string): boolean {
  return !!from && !!to && from <= to;
}

/** What the person calls the report's period ("Quý 3 năm 2026"), from the kind and first day the API answered. */
export function periodName(kind: string, from: string, t: (key: string, values?: Record<string, unknown>) => string,
  locale: string): string {
  const [y, m, d] = from.split('-').map(Number);
  switch (kind) {
    case 'month':
      return t('reports.periodName.month', { m, y, monthName: new Date(Date.UTC(y, m - 1, 1))
        .toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { month: 'long', timeZone: 'UTC' }) });
    case 'quarter':
      return t('reports.periodName.quarter', { q: Math.floor((m - 1) / 3) + 1, y });
    case 'half':
      return t(m <= 6 ? 'reports.periodName.half1' : 'reports.periodName.half2', { y });
    case 'year':
      return t('reports.periodName.year', { y });
    case 'day':
      return t('reports.periodName.day', { date: `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` });
    default:
      return t('reports.periodName.custom');
  }
}

/** Whether the API charts the period by month (longer than a month) rather than by day, as the report does. */
export function spansMoreThanAMonth(from: string, to: string): boolean {
  const [y, m, d] = from.split('-').map(Number);
  return to > iso(y, m, d - 1);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Every bucket from..to: each day, or the first day of each month. */
export function bucketsOf(from: string, to: string, monthly: boolean): string[] {
  const out: string[] = [];
  const [y, m, d] = from.split('-').map(Number);
  for (let i = 0; out.length < 400; i++) {
    const b = monthly ? iso(y, m - 1 + i, 1) : iso(y, m - 1, d + i);
    if (b > to) break;
    out.push(b);
  }
  return out;
}
