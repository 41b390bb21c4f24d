import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { buildPermissions } from './permissions';
import { PermissionProvider, useFieldAccess, usePermissions } from './context';
import { visibleModules } from './modules';

const repPermissions = [
  { type: 'Customer', rowScope: 'OWN', fields: [{ field: 'phone', access: 'MASKED' }, { field: 'name', access: 'WRITE' }, { field: 'cost_price', access: 'NONE' }] },
  { type: 'Opportunity', rowScope: 'OWN', fields: [] },
  { type: 'PayRun', rowScope: 'NONE', fields: [] },
  { type: 'Payslip', rowScope: 'OWN', fields: [] },
];

describe('buildPermissions', () => {
  it('reads row scope and field access, case and underscore insensitive', () => {
    const p = buildPermissions(repPermissions);
    expect(p.rowScope('Customer')).toBe('OWN');
    expect(p.access('Customer', 'phone')).toBe('MASKED');
    expect(p.isMasked('Customer', 'phone')).toBe(true);
    expect(p.canWrite('Customer', 'name')).toBe(true);
    expect(p.canRead('Customer', 'costPrice')).toBe(false);
    // unlisted field on a visible type: readable (the server still enforces)
    expect(p.access('Customer', 'region')).toBe('READ');
  });

  it('hides types with row scope NONE and types the server does not list', () => {
    const p = buildPermissions(repPermissions);
    expect(p.canView('PayRun')).toBe(false);
    expect(p.access('PayRun', 'status')).toBe('NONE');
    expect(p.canView('StockLevel')).toBe(false);
    expect(p.canView('Payslip')).toBe(true);
  });

  it('write scope: absent means the row scope, NONE forbids changes', () => {
    const p = buildPermissions([
      { type: 'Customer', rowScope: 'ALL', writeScope: 'NONE', fields: [] },
      { type: 'Lead', rowScope: 'OWN', fields: [] },
    ]);
    expect(p.canView('Customer')).toBe(true);
    expect(p.canChange('Customer')).toBe(false);
    expect(p.writeScope('Lead')).toBe('OWN');
    expect(p.canChange('Order')).toBe(false);
  });

  it('steps reserved to roles are the ones the server lists, not the write scope', () => {
    const finance = buildPermissions([{ type: 'PayRun', rowScope: 'ALL', writeScope: 'NONE', actions: ['approve', 'markPaid'], fields: [] }]);
    expect(finance.canDo('PayRun', 'approve')).toBe(true);
    expect(finance.canDo('PayRun', 'calculate')).toBe(false);
    expect(finance.canChange('PayRun')).toBe(false);
    const hr = buildPermissions([{ type: 'PayRun', rowScope: 'ALL', writeScope: 'ALL', actions: ['calculate'], fields: [] }]);
    expect(hr.canDo('PayRun', 'approve')).toBe(false);
    expect(hr.canDo('Order', 'approve')).toBe(false);
  });

  it('tolerates lowercase enum values and garbage', () => {
    const p = buildPermissions([{ type: 'Lead', rowScope: 'team', fields: [{ field: 'email', access: 'masked' }, { field: 'x', access: '??' }] }]);
    expect(p.rowScope('Lead')).toBe('TEAM');
    expect(p.access('Lead', 'email')).toBe('MASKED');
    expect(p.access('Lead', 'x')).toBe('NONE');
  });

  it('drives the menu: a rep sees customers, pipeline and my payslips but not payroll or stock', () => {
    const keys = visibleModules(buildPermissions(repPermissions)).map((m) => m.key);
    expect(keys).toContain('customers');
    expect(keys).toContain('pipeline');
    expect(keys).toContain('myPayslips');
    expect(keys).not.toContain('payroll');
    expect(keys).not.toContain('stock');
    expect(keys).not.toContain('leads');
  });

  it('opens the OAuth clients page to admins only', () => {
    const p = buildPermissions(repPermissions);
    expect(visibleModules(p, 'sales_rep').map((m) => m.key)).not.toContain('oauthClients');
    expect(visibleModules(p).map((m) => m.key)).not.toContain('oauthClients');
    expect(visibleModules(p, 'admin').map((m) => m.key)).toContain('oauthClients');
  });
});

describe('usePermissions / useFieldAccess', () => {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PermissionProvider user={{ id: '1', email: 'a@b.c', role: 'sales_rep' }} permissions={repPermissions}>{children}</PermissionProvider>
  );

  it('gives the permission set from me', () => {
    const { result } = renderHook(() => usePermissions(), { wrapper });
    expect(result.current.canView('Customer')).toBe(true);
    expect(result.current.canView('PayRun')).toBe(false);
  });

  it('binds helpers to one type', () => {
    const { result } = renderHook(() => useFieldAccess('Customer'), { wrapper });
    expect(result.current.canView).toBe(true);
    expect(result.current.rowScope).toBe('OWN');
    expect(result.current.isMasked('phone')).toBe(true);
    expect(result.current.canRead('costPrice')).toBe(false);
  });

  it('without a provider nothing is visible', () => {
    const { result } = renderHook(() => usePermissions());
    expect(result.current.canView('Customer')).toBe(false);
  });
});
