import { i18n } from '../i18n';
import { ApiFailure } from '../api/client';

/** A refusal in words for the person: the server's own message (Vietnamese first) or a plain fallback. */
export function describeError(e: unknown): string {
  const t = i18n.global.t;
  if (!(e instanceof ApiFailure)) return t('error.network');
  if (e.status === 403) return t('error.forbidden');
  if (e.status === 404) return t('error.notFound');
  return e.body.error ?? t('error.generic');
}
