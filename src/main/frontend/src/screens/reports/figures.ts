import { i18n } from '../../i18n';

const numberLocale = () => (i18n.global.locale.value === 'vi' ? 'vi-VN' : 'en-GB');

/** 10.000 (vi) or 10,000 (en). */
export function formatCount(n: number | null | undefined): string {
  return n == null ? '—' : n.toLocaleString(numberLocale());
}

/** A 0..1 share as "87,5%"; a dash when nothing was expected. */
export function formatShare(rate: number | null | undefined): string {
  if (rate == null) return '—';
  return rate.toLocaleString(numberLocale(), { style: 'percent', maximumFractionDigits: 1 });
}

/** Airtime in hours with one decimal ("12,5 giờ"), or minutes and seconds when under an hour. */
export function formatAirtime(ms: number): string {
  const t = i18n.global.t;
  if (ms >= 3_600_000) {
    return t('reports.unit.hours', { n: (ms / 3_600_000).toLocaleString(numberLocale(), { maximumFractionDigits: 1 }) });
  }
  if (ms >= 60_000) return t('reports.unit.minutes', { n: Math.round(ms / 60_000) });
  return t('reports.unit.seconds', { n: Math.round(ms / 1000) });
}
