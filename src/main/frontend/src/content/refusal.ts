import { ApiFailure } from '../api/client';
import { describeError } from '../components/describeError';
import { i18n } from '../i18n';
import { inLanguage } from './bilingual';

/** Why the server said no, in the person's language only (quiet hours, airtime cap, own submission…). */
export function describeRefusal(e: unknown): string {
  const text = describeError(e);
  return e instanceof ApiFailure && e.body.error ? inLanguage(text, i18n.global.locale.value) : text;
}
