import { i18n } from '../i18n';

/** A length of time in words: "2 ngày 3 giờ", "5 phút", "40 giây". */
export function formatSpan(ms: number): string {
  const t = i18n.global.t;
  const s = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return hours ? `${t('span.days', { n: days })} ${t('span.hours', { n: hours })}` : t('span.days', { n: days });
  if (hours > 0) return minutes ? `${t('span.hours', { n: hours })} ${t('span.minutes', { n: minutes })}` : t('span.hours', { n: hours });
  if (minutes > 0) return t('span.minutes', { n: minutes });
  return t('span.seconds', { n: s });
}
