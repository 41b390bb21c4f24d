import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import i18n from './index';

/** dayjs's locale for an app language. */
export function dayjsLocale(lang: string): string {
  return lang === 'en' ? 'en' : 'zh-cn';
}

// Dates follow the app language. Loaded with antd (LocaleProvider), after the login page.
dayjs.locale(dayjsLocale(i18n.language));
i18n.on('languageChanged', (lang) => dayjs.locale(dayjsLocale(lang)));
