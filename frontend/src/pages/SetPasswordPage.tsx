import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Client, fetchExchange } from '@urql/core';
import i18n from '../i18n';
import { GRAPHQL_URL, useAuth } from '../auth/AuthContext';
import { setTokens } from '../auth/tokens';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorsText, type UserErrorLike } from '../graphql/errors';

// Public pages (no session): an invitation's or a password reset's link leads here. Plain React
// like the login page, with their own chunk; the texts travel with it.
const TEXTS = {
  en: { invite: 'Accept the invitation', reset: 'Set a new password', password: 'New password', repeat: 'Repeat it', submit: 'Save and sign in', mismatch: 'The two passwords differ', short: 'At least 8 characters', noToken: 'This link has no token: ask an admin for a new one' },
  'zh-CN': { invite: '接受邀请', reset: '设置新密码', password: '新密码', repeat: '再次输入', submit: '保存并登录', mismatch: '两次输入的密码不一致', short: '至少 8 个字符', noToken: '链接缺少令牌，请联系管理员重新获取' },
};
for (const [lang, texts] of Object.entries(TEXTS)) i18n.addResourceBundle(lang, 'translation', { setPassword: texts }, true, false);

const ACCEPT = 'mutation AcceptInvite($input: AcceptInviteInput!) { acceptInvite(input: $input) { accessToken refreshToken expiresIn errors { field code message params } } }';
const RESET = 'mutation CompletePasswordReset($input: CompletePasswordResetInput!) { completePasswordReset(input: $input) { accessToken refreshToken expiresIn errors { field code message params } } }';
interface Session { accessToken: string | null; refreshToken: string | null; expiresIn: number | null; errors: UserErrorLike[] }

export default function SetPasswordPage({ purpose }: { purpose: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const { authenticated } = useAuth();
  const navigate = useNavigate();
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(token ? null : t('setPassword.noToken'));
  const [busy, setBusy] = useState(false);
  if (authenticated && !busy) return <Navigate to="/" replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < 8) { setError(t('setPassword.short')); return; }
    if (password !== repeat) { setError(t('setPassword.mismatch')); return; }
    setBusy(true);
    setError(null);
    const client = new Client({ url: GRAPHQL_URL, exchanges: [fetchExchange], requestPolicy: 'network-only', fetchOptions: () => ({ headers: { 'Accept-Language': i18n.language } }) });
    const name = purpose === 'invite' ? 'acceptInvite' : 'completePasswordReset';
    const r = await client.mutation<Record<string, Session>>(purpose === 'invite' ? ACCEPT : RESET, { input: { token, password } }).toPromise();
    const p = r.data?.[name];
    if (!p || p.errors.length || !p.accessToken || !p.refreshToken) {
      setBusy(false);
      setError(errorsText(i18n, p?.errors ?? []) || r.error?.message || t('login.failed'));
      return;
    }
    setTokens(p.accessToken, p.refreshToken, p.expiresIn);
    navigate('/', { replace: true });
  };

  return (
    <div className="crm-login">
      <main className="crm-login-box">
        <div className="crm-login-head">
          <h1>{`${t('app.title')} · ${t(`setPassword.${purpose}`)}`}</h1>
          <LanguageSwitch />
        </div>
        <form data-testid="set-password-form" noValidate onSubmit={(e) => void submit(e)}>
          {error ? <div className="crm-alert-error" role="alert" data-testid="set-password-error">{error}</div> : null}
          <div className="crm-field">
            <label htmlFor="set-password">{t('setPassword.password')}</label>
            <input id="set-password" name="password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <div className="crm-field">
            <label htmlFor="set-password-repeat">{t('setPassword.repeat')}</label>
            <input id="set-password-repeat" name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </div>
          <button type="submit" className="crm-button-primary" disabled={busy || !token}>{t('setPassword.submit')}</button>
        </form>
      </main>
    </div>
  );
}
