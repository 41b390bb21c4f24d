import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import LoginPage from './pages/LoginPage';
import { useCurrentUser, usePermissions } from './permissions/context';
import { moduleByKey, opensModule } from './permissions/modules';
import { useAuth } from './auth/AuthContext';
import { InMemoryClient } from './graphql/ClientsContext';
import { PageSpinner } from './components/PageSpinner';

// The login page is all the entry holds (plain React, no antd): everything behind the login is
// loaded on demand, the app shell first, then each page. scripts/check-budget.mjs keeps it so.
const AuthenticatedApp = lazy(() => import('./layout/AppLayout'));
const HomeRedirect = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.HomeRedirect })));
const Forbidden = lazy(() => import('./components/Forbidden').then((m) => ({ default: m.Forbidden })));
const NotFound = lazy(() => import('./components/Forbidden').then((m) => ({ default: m.NotFound })));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const CustomersPage = lazy(() => import('./pages/CustomersPage'));
const CustomerDetailPage = lazy(() => import('./pages/CustomerDetailPage'));
const LeadsPage = lazy(() => import('./pages/LeadsPage'));
const PipelinePage = lazy(() => import('./pages/PipelinePage'));
const OpportunityPage = lazy(() => import('./pages/OpportunityPage'));
const TasksPage = lazy(() => import('./pages/TasksPage'));
const OrdersPage = lazy(() => import('./pages/OrdersPage'));
const OrderDetailPage = lazy(() => import('./pages/OrderDetailPage'));
const ShipmentsPage = lazy(() => import('./pages/ShipmentsPage'));
const StockPage = lazy(() => import('./pages/StockPage'));
const PayrollPage = lazy(() => import('./pages/PayrollPage'));
const MyPayslipsPage = lazy(() => import('./pages/MyPayslipsPage'));
const OAuthClientsPage = lazy(() => import('./pages/OAuthClientsPage'));
const WebhooksPage = lazy(() => import('./pages/WebhooksPage'));
const JobsPage = lazy(() => import('./pages/JobsPage'));
const WorkflowsPage = lazy(() => import('./pages/workflows/WorkflowsPage'));
const WorkflowEditorPage = lazy(() => import('./pages/workflows/WorkflowEditorPage'));
const LifecyclePage = lazy(() => import('./pages/LifecyclePage'));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage'));
const ApprovalRulesPage = lazy(() => import('./pages/ApprovalRulesPage'));
const UsersPage = lazy(() => import('./pages/UsersPage'));
const SetPasswordPage = lazy(() => import('./pages/SetPasswordPage'));

/** Without a session every app route goes to the login page, before any app code loads. */
function SignedIn() {
  const { authenticated } = useAuth();
  const location = useLocation();
  if (!authenticated) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <Suspense fallback={<PageSpinner full />}>
      <AuthenticatedApp />
    </Suspense>
  );
}

/** A route the user's permissions do not open shows 403, even when its URL is typed. */
function RequireModule({ module, children }: { module: string; children: ReactNode }) {
  const p = usePermissions();
  const role = useCurrentUser()?.role;
  const m = moduleByKey(module);
  return <Suspense fallback={<PageSpinner />}>{opensModule(m, p, role) ? children : <Forbidden />}</Suspense>;
}

const guard = (module: string, el: ReactNode) => <RequireModule module={module}>{el}</RequireModule>;

/** The app's routes (inside a router: BrowserRouter in main.tsx, MemoryRouter in tests). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* The links of an invitation and of an admin's password reset: no session needed. */}
      <Route path="/accept-invite" element={<Suspense fallback={<PageSpinner full />}><SetPasswordPage purpose="invite" /></Suspense>} />
      <Route path="/reset-password" element={<Suspense fallback={<PageSpinner full />}><SetPasswordPage purpose="reset" /></Suspense>} />
      <Route path="/" element={<SignedIn />}>
        <Route index element={<Suspense fallback={<PageSpinner />}><HomeRedirect /></Suspense>} />
        <Route path="dashboard" element={guard('dashboard', <DashboardPage />)} />
        <Route path="customers" element={guard('customers', <CustomersPage />)} />
        <Route path="customers/:id" element={guard('customers', <CustomerDetailPage />)} />
        <Route path="leads" element={guard('leads', <LeadsPage />)} />
        <Route path="pipeline" element={guard('pipeline', <PipelinePage />)} />
        <Route path="opportunities/:id" element={guard('pipeline', <OpportunityPage />)} />
        <Route path="tasks" element={guard('tasks', <TasksPage />)} />
        <Route path="orders" element={guard('orders', <OrdersPage />)} />
        <Route path="orders/:id" element={guard('orders', <OrderDetailPage />)} />
        <Route path="shipments" element={guard('shipments', <ShipmentsPage />)} />
        <Route path="stock" element={guard('stock', <StockPage />)} />
        <Route path="payroll" element={guard('payroll', <InMemoryClient><PayrollPage /></InMemoryClient>)} />
        <Route path="my-payslips" element={guard('myPayslips', <InMemoryClient><MyPayslipsPage /></InMemoryClient>)} />
        <Route path="oauth-clients" element={guard('oauthClients', <InMemoryClient><OAuthClientsPage /></InMemoryClient>)} />
        {/* The in-memory client: a secret shown once never reaches the offline cache. */}
        <Route path="webhooks" element={guard('webhooks', <InMemoryClient><WebhooksPage /></InMemoryClient>)} />
        <Route path="jobs" element={guard('jobs', <InMemoryClient><JobsPage /></InMemoryClient>)} />
        <Route path="workflows" element={guard('workflows', <WorkflowsPage />)} />
        <Route path="workflows/:id" element={guard('workflows', <WorkflowEditorPage />)} />
        <Route path="lifecycle" element={guard('lifecycle', <LifecyclePage />)} />
        <Route path="approvals" element={guard('approvals', <ApprovalsPage />)} />
        <Route path="approval-rules" element={guard('approvalRules', <ApprovalRulesPage />)} />
        {/* In memory too: invitation and reset links never reach the offline cache. */}
        <Route path="users" element={guard('users', <InMemoryClient><UsersPage /></InMemoryClient>)} />
        <Route path="*" element={<Suspense fallback={<PageSpinner />}><NotFound /></Suspense>} />
      </Route>
    </Routes>
  );
}
