import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Space } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { LanguageSwitch } from '../components/LanguageSwitch';

export function LoginForm({ onLogin }: { onLogin: (email: string, password: string) => Promise<{ ok: boolean; message?: string }> }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="vertical"
      data-testid="login-form"
      onFinish={async (v: { email: string; password: string }) => {
        setBusy(true);
        setError(null);
        try {
          const r = await onLogin(v.email.trim(), v.password);
          if (!r.ok) setError(r.message || t('login.failed'));
        } catch {
          setError(t('login.networkError'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" /> : null}
      <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('login.required') }]}>
        <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.required') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { authenticated, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (authenticated) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', padding: 16 }}>
      <Card
        title={`${t('app.title')} · ${t('login.title')}`}
        extra={<Space><LanguageSwitch /></Space>}
        style={{ width: 380, maxWidth: '100%' }}
      >
        <LoginForm
          onLogin={async (email, password) => {
            const r = await login(email, password);
            if (r.ok) navigate(from && from !== '/login' ? from : '/', { replace: true });
            return r;
          }}
        />
      </Card>
    </div>
  );
}
