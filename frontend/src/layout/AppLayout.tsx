import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, Drawer, Empty } from 'antd';
import {
  ApiOutlined, BarChartOutlined, CalendarOutlined, CarOutlined, DollarOutlined, FunnelPlotOutlined, InboxOutlined,
  MenuOutlined, ProfileOutlined, SendOutlined, ShoppingCartOutlined, TeamOutlined, UserAddOutlined, WalletOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { useAuth } from '../auth/AuthContext';
import { MeQuery } from '../auth/documents';
import { PermissionProvider, usePermissions, useCurrentUser } from '../permissions/context';
import { visibleModules, type ModuleDef } from '../permissions/modules';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { PageSpinner } from '../components/PageSpinner';
import { FeedbackProvider } from '../components/feedback';
import { useIsPhone } from '../components/useMediaQuery';
import { combinedErrorText, isAuthError } from '../graphql/errors';
import { ClientsContext } from '../graphql/ClientsContext';
import { LocaleProvider } from '../components/LocaleProvider';
import { createCrmClient, createInMemoryClient } from '../graphql/client';
import { roleLabel } from '../i18n';

const ICONS: Record<string, ReactNode> = {
  dashboard: <BarChartOutlined />, customers: <TeamOutlined />, leads: <UserAddOutlined />, pipeline: <FunnelPlotOutlined />,
  tasks: <CalendarOutlined />, orders: <ShoppingCartOutlined />, shipments: <CarOutlined />, stock: <InboxOutlined />, payroll: <DollarOutlined />,
  myPayslips: <WalletOutlined />, oauthClients: <ApiOutlined />, webhooks: <SendOutlined />, workflows: <ProfileOutlined />,
  lifecycle: <FunnelPlotOutlined />, users: <TeamOutlined />, approvals: <ProfileOutlined />, approvalRules: <ProfileOutlined />,
};

/**
 * The signed-in app (its own chunk, loaded after the login): builds the session's GraphQL
 * clients (new caches at every login and logout), loads `me` (user + permissions) and lays out
 * the pages. The router sends a visitor without a session to the login page before this loads.
 */
export default function AuthenticatedApp() {
  const { generation, persistCache, onAuthFailure } = useAuth();
  const clients = useMemo(
    () => ({ client: createCrmClient({ persist: persistCache, onAuthFailure }), inMemoryClient: createInMemoryClient(onAuthFailure) }),
    // a new session (generation) gets new clients, so nothing of the last one is reused
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [generation, persistCache, onAuthFailure],
  );
  return (
    <ClientsContext.Provider value={clients}>
      <UrqlProvider value={clients.client}>
        <LocaleProvider>
          <FeedbackProvider>
            <MeLoader>
              <AppLayout />
            </MeLoader>
          </FeedbackProvider>
        </LocaleProvider>
      </UrqlProvider>
    </ClientsContext.Provider>
  );
}

function MeLoader({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const { logout } = useAuth();
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  useEffect(() => {
    if (isAuthError(error)) void logout();
  }, [error, logout]);
  if (!data?.me) {
    if (fetching || !error) return <PageSpinner full />;
    return <div className="crm-text-danger" style={{ margin: 24 }} role="alert">{combinedErrorText(i18n, error)}</div>;
  }
  return (
    <PermissionProvider user={data.me.user} permissions={data.me.permissions}>
      {children}
    </PermissionProvider>
  );
}

/** The module menu: links (middle-click and long-press open a new tab), styled like antd's Menu. */
function MainNav({ modules, onNavigate }: { modules: ModuleDef[]; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <nav className="crm-nav" data-testid="main-menu" aria-label={t('app.menu')}>
      {modules.map((m) => (
        <NavLink key={m.key} to={m.path} className={({ isActive }) => (isActive ? 'crm-nav-item crm-nav-active' : 'crm-nav-item')} onClick={onNavigate} data-path={m.path}>
          <span className="crm-nav-icon" aria-hidden>{ICONS[m.key]}</span>
          <span>{t(m.labelKey)}</span>
        </NavLink>
      ))}
    </nav>
  );
}

function AppLayout() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = usePermissions();
  const user = useCurrentUser();
  const phone = useIsPhone();
  const [drawer, setDrawer] = useState(false);
  const modules = visibleModules(permissions, user?.role);
  useEffect(() => setDrawer(false), [location.pathname]);

  return (
    <div className="crm-shell">
      {!phone ? (
        <aside className="crm-sider">
          <div className="crm-brand"><ProfileOutlined /> {t('app.title')}</div>
          <MainNav modules={modules} />
        </aside>
      ) : (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={240} title={t('app.title')} styles={{ body: { padding: 8 } }}>
          <MainNav modules={modules} onNavigate={() => setDrawer(false)} />
        </Drawer>
      )}
      <div className="crm-main">
        <header className="crm-header">
          {phone ? <Button icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('app.menu')} data-testid="menu-toggle" /> : null}
          <div style={{ flex: 1 }} />
          <NotificationBell />
          <LanguageSwitch />
          {!phone ? (
            <span data-testid="current-user" title={roleLabel(t, user?.role)}>{user?.name || user?.email}</span>
          ) : null}
          <Button icon={<span className="crm-logout-icon" aria-hidden />} onClick={() => void logout().then(() => navigate('/login'))} data-testid="logout" aria-label={t('app.logout')}>
            {phone ? null : t('app.logout')}
          </Button>
        </header>
        <main className="crm-content">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

/** The first module the user may open: the landing page after login. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const modules = visibleModules(usePermissions(), useCurrentUser()?.role);
  const first = modules.find((m) => m.key === 'customers') ?? modules[0];
  if (!first) return <Empty style={{ marginTop: 80 }} description={t('common.noModules')} />;
  return <Navigate to={first.path} replace />;
}
