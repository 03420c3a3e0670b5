import { createI18n } from 'vue-i18n';
import vi from './vi.json';
import en from './en.json';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
const STORAGE_KEY = 'bantin.language';

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'vi';
}

/** Every string the UI shows comes from these message files: common ones here, each screen's beside it. */
export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'vi',
  messages: { vi, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

/** A screen's own messages, under its id (t('dashboard.title')). */
export function addScreenMessages(id: string, messages: { vi: object; en: object }): void {
  i18n.global.mergeLocaleMessage('vi', { [id]: messages.vi });
  i18n.global.mergeLocaleMessage('en', { [id]: messages.en });
}
