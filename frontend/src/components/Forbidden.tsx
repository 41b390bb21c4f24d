import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export function Forbidden() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>}
      data-testid="forbidden"
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title={t('common.notFound')} extra={<Button onClick={() => navigate('/')}>{t('common.back')}</Button>} />;
}
