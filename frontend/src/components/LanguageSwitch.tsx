import { Select } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage, type AppLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('app.language')}
      data-testid="language-switch"
      size="small"
      value={i18n.language as AppLanguage}
      onChange={(v: AppLanguage) => void setLanguage(v)}
      suffixIcon={<GlobalOutlined />}
      style={{ width: 110 }}
      options={[
        { value: 'zh-CN', label: '简体中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
