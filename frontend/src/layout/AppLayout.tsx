import { useEffect, useState, type ReactNode } from 'react';
import { Button, Drawer, Empty, Grid, Layout, Menu, Space, Spin, Typography } from 'antd';
import {
  BarChartOutlined, CalendarOutlined, DollarOutlined, FunnelPlotOutlined, InboxOutlined, LogoutOutlined,
  MenuOutlined, ProfileOutlined, ShoppingCartOutlined, TeamOutlined, UserAddOutlined, WalletOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { useAuth } from '../auth/AuthContext';
import { MeQuery } from '../auth/documents';
import { PermissionProvider, usePermissions, useCurrentUser } from '../permissions/context';
import { visibleModules } from '../permissions/modules';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { isAuthError } from '../graphql/errors';

const ICONS: Record<string, ReactNode> = {
  dashboard: <BarChartOutlined />, customers: <TeamOutlined />, leads: <UserAddOutlined />, pipeline: <FunnelPlotOutlined />,
  tasks: <CalendarOutlined />, orders: <ShoppingCartOutlined />, stock: <InboxOutlined />, payroll: <DollarOutlined />,
  myPayslips: <WalletOutlined />,
};

/** Requires a session; provides the urql client and `me` (user + permissions) to the pages. */
export function AuthenticatedApp() {
  const { authenticated, client } = useAuth();
  const location = useLocation();
  if (!authenticated) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <UrqlProvider value={client}>
      <MeLoader>
        <AppLayout />
      </MeLoader>
    </UrqlProvider>
  );
}

function MeLoader({ children }: { children: ReactNode }) {
  const { logout } = useAuth();
  const [{ data, error, fetching }] = useQuery({ query: MeQuery, requestPolicy: 'network-only' });
  useEffect(() => {
    if (isAuthError(error)) void logout();
  }, [error, logout]);
  if (!data?.me) {
    if (fetching || !error) return <Spin size="large" style={{ display: 'block', marginTop: '20vh' }} />;
    return <Typography.Text type="danger" style={{ margin: 24, display: 'block' }}>{error.message}</Typography.Text>;
  }
  return (
    <PermissionProvider user={data.me.user} permissions={data.me.permissions}>
      {children}
    </PermissionProvider>
  );
}

function AppLayout() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = usePermissions();
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [drawer, setDrawer] = useState(false);

  const modules = visibleModules(permissions);
  const selected = modules.find((m) => location.pathname.startsWith(m.path))?.key;
  const menu = (
    <Menu
      mode="inline"
      data-testid="main-menu"
      selectedKeys={selected ? [selected] : []}
      items={modules.map((m) => ({ key: m.key, icon: ICONS[m.key], label: t(m.labelKey), 'data-path': m.path }))}
      onClick={({ key }) => {
        const m = modules.find((x) => x.key === key);
        if (m) navigate(m.path);
        setDrawer(false);
      }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!mobile ? (
        <Layout.Sider theme="light" width={200} breakpoint="md">
          <div style={{ padding: 16, fontWeight: 600, fontSize: 16 }}>
            <ProfileOutlined /> {t('app.title')}
          </div>
          {menu}
        </Layout.Sider>
      ) : (
        <Drawer open={drawer} onClose={() => setDrawer(false)} placement="left" size={220} title={t('app.title')}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: mobile ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', gap: 8 }}
        >
          {mobile ? <Button icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label="menu" data-testid="menu-toggle" /> : null}
          <div style={{ flex: 1 }} />
          <Space size="small" wrap={false}>
            <LanguageSwitch />
            {!mobile ? <Typography.Text data-testid="current-user">{user?.name || user?.email}</Typography.Text> : null}
            <Button icon={<LogoutOutlined />} onClick={() => void logout().then(() => navigate('/login'))} data-testid="logout">
              {mobile ? null : t('app.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: mobile ? 8 : 16 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The first module the user may open: the landing page after login. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const modules = visibleModules(usePermissions());
  const first = modules.find((m) => m.key === 'customers') ?? modules[0];
  if (!first) return <Empty style={{ marginTop: 80 }} description={t('common.noModules')} />;
  return <Navigate to={first.path} replace />;
}
