import { lazy, Suspense, type ReactNode } from 'react';
import { Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import LoginPage from './pages/LoginPage';
import { AuthenticatedApp, HomeRedirect } from './layout/AppLayout';
import { Forbidden, NotFound } from './components/Forbidden';
import { usePermissions } from './permissions/context';
import { moduleByKey } from './permissions/modules';
import { useAuth } from './auth/AuthContext';

const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const CustomersPage = lazy(() => import('./pages/CustomersPage'));
const CustomerDetailPage = lazy(() => import('./pages/CustomerDetailPage'));
const LeadsPage = lazy(() => import('./pages/LeadsPage'));
const PipelinePage = lazy(() => import('./pages/PipelinePage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage'));
const StockPage = lazy(() => import('./pages/StockPage'));
const PayrollPage = lazy(() => import('./pages/PayrollPage'));
const MyPayslipsPage = lazy(() => import('./pages/MyPayslipsPage'));

/** A route the user's permissions do not open shows 403, even when its URL is typed. */
function RequireModule({ module, children }: { module: string; children: ReactNode }) {
  const p = usePermissions();
  const m = moduleByKey(module);
  if (!m.types.some((t) => p.canView(t))) return <Forbidden />;
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>;
}

/** Payroll pages talk through a client whose cache lives in memory only. */
function PayrollClient({ children }: { children: ReactNode }) {
  const { payrollClient } = useAuth();
  return <UrqlProvider value={payrollClient}>{children}</UrqlProvider>;
}

const guard = (module: string, el: ReactNode) => <RequireModule module={module}>{el}</RequireModule>;

export const routes = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AuthenticatedApp />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'dashboard', element: guard('dashboard', <DashboardPage />) },
      { path: 'customers', element: guard('customers', <CustomersPage />) },
      { path: 'customers/:id', element: guard('customers', <CustomerDetailPage />) },
      { path: 'leads', element: guard('leads', <LeadsPage />) },
      { path: 'pipeline', element: guard('pipeline', <PipelinePage />) },
      { path: 'tasks', element: guard('tasks', <TasksPage />) },
      { path: 'orders', element: guard('orders', <OrdersPage />) },
      { path: 'orders/:id', element: guard('orders', <OrderDetailPage />) },
      { path: 'stock', element: guard('stock', <StockPage />) },
      { path: 'payroll', element: guard('payroll', <PayrollClient><PayrollPage /></PayrollClient>) },
      { path: 'my-payslips', element: guard('myPayslips', <PayrollClient><MyPayslipsPage /></PayrollClient>) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
