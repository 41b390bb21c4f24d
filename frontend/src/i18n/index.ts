import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN';
import { en } from './en';

export type AppLanguage = 'zh-CN' | 'en';
export const LANGUAGES: AppLanguage[] = ['zh-CN', 'en'];
export const LANGUAGE_STORAGE_KEY = 'crm.lang';

export function storedLanguage(): AppLanguage {
  try {
    const v = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (v === 'en' || v === 'zh-CN') return v;
  } catch {
    /* storage unavailable: fall back to the default */
  }
  return 'zh-CN';
}

export function dayjsLocale(lang: AppLanguage): string {
  return lang === 'en' ? 'en' : 'zh-cn';
}

/** Switch the whole app: app text (i18next), dates (dayjs); antd and ECharts follow i18n.language. */
export async function setLanguage(lang: AppLanguage): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    /* not remembered, still switched */
  }
  dayjs.locale(dayjsLocale(lang));
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

const initial = storedLanguage();
dayjs.locale(dayjsLocale(initial));

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
