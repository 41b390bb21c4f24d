import { useTranslation } from 'react-i18next';
import { setLanguage, type AppLanguage } from '../i18n';

const OPTIONS: { value: AppLanguage; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'EN' },
];

/**
 * Two languages, one tap. Plain buttons styled like antd's Segmented: the login page shows it
 * and must not load antd (its JavaScript budget).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current: AppLanguage = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <div className="crm-lang" role="group" aria-label={t('app.language')} data-testid="language-switch">
      {OPTIONS.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          className={o.value === current ? 'crm-lang-option crm-lang-active' : 'crm-lang-option'}
          aria-pressed={o.value === current}
          data-testid={`lang-${o.value}`}
          onClick={() => void setLanguage(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
