import { useEffect, useId, useState, type FormEvent, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth, type LoginResult } from '../auth/AuthContext';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorsText } from '../graphql/errors';

/**
 * The sign-in form, in plain React and CSS (styles.css, antd's look): the login route's
 * JavaScript budget (≤150 KB gzipped) leaves no room for antd, which loads after sign-in.
 */
export function LoginForm({ onLogin }: { onLogin: (email: string, password: string) => Promise<LoginResult> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: boolean; password?: boolean }>({});
  const [result, setResult] = useState<LoginResult | 'network' | null>(null);
  const [busy, setBusy] = useState(false);
  // rendered at each render, so the message follows a language switch
  const error = result === 'network' ? t('login.networkError')
    : result && !result.ok ? (errorsText(i18n, result.errors) || result.message || t('login.failed')) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { email: !email.trim(), password: !password };
    setMissing(m);
    if (m.email || m.password) return;
    setBusy(true);
    setResult(null);
    try {
      setResult(await onLogin(email.trim(), password));
    } catch {
      setResult('network');
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'email' | 'password', label: string, input: InputHTMLAttributes<HTMLInputElement>) => (
    <div className={missing[name] ? 'crm-field crm-field-error' : 'crm-field'}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} aria-invalid={missing[name] || undefined} aria-describedby={missing[name] ? `${id}-${name}-error` : undefined} {...input} />
      {missing[name] ? <div id={`${id}-${name}-error`} className="crm-field-message">{t('login.required')}</div> : null}
    </div>
  );

  return (
    <form data-testid="login-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <div className="crm-alert-error" role="alert" data-testid="login-error">{error}</div> : null}
      {field('email', t('login.email'), {
        type: 'email', autoComplete: 'username', inputMode: 'email', value: email,
        onChange: (e) => { setEmail(e.target.value); setResult(null); setMissing((m) => ({ ...m, email: false })); },
      })}
      {field('password', t('login.password'), {
        type: 'password', autoComplete: 'current-password', value: password,
        onChange: (e) => { setPassword(e.target.value); setResult(null); setMissing((m) => ({ ...m, password: false })); },
      })}
      <button type="submit" className="crm-button-primary" disabled={busy} aria-busy={busy || undefined}>
        {busy ? <span className="crm-button-spin" aria-hidden /> : null}
        {t('login.submit')}
      </button>
    </form>
  );
}

/**
 * Once the login page has shown, fetch the signed-in shell and the customer list while the
 * user types: signing in then needs no further download. (Not part of the page's first load.)
 */
function usePrefetchApp() {
  useEffect(() => {
    const prefetch = () => {
      void import('../layout/AppLayout');
      void import('./CustomersPage');
    };
    const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(prefetch, { timeout: 3000 }) : globalThis.setTimeout(prefetch, 500));
    // after the page's own load, so it never competes with it
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
    return () => window.removeEventListener('load', idle);
  }, []);
}

export default function LoginPage() {
  const { t } = useTranslation();
  const { authenticated, login } = useAuth();
  usePrefetchApp();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  if (authenticated) return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  return (
    <div className="crm-login">
      <main className="crm-login-box">
        <div className="crm-login-head">
          <h1>{`${t('app.title')} · ${t('login.title')}`}</h1>
          <LanguageSwitch />
        </div>
        <LoginForm
          onLogin={async (email, password) => {
            const r = await login(email, password);
            if (r.ok) navigate(from && from !== '/login' ? from : '/', { replace: true });
            return r;
          }}
        />
      </main>
    </div>
  );
}
