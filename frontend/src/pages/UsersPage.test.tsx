import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { fromValue, never } from 'wonka';
import type { Client } from '@urql/core';
import UsersPage from './UsersPage';
import { renderWithApp } from '../test/utils';
import { buildPermissions } from '../permissions/permissions';
import { visibleModules } from '../permissions/modules';

const DATA = {
  users: {
    totalCount: 2,
    edges: [
      { node: { id: 'u1', name: 'Admin', email: 'admin@demo.test', role: 'admin', isActive: true, team: null } },
      { node: { id: 'u2', name: 'Zhang Wei', email: 'rep1@demo.test', role: 'sales_rep', isActive: false, team: { id: 't1', name: 'East' } } },
    ],
  },
  teams: [{ id: 't1', name: 'East', manager: { id: 'u1', name: 'Admin' }, parent: null }],
};

describe('users and teams page', () => {
  it('lists the people with role, team and status, and the teams', async () => {
    const executeMutation = vi.fn(() => never);
    const client = {
      executeQuery: () => fromValue({ data: DATA, stale: false, hasNext: false }),
      executeMutation, executeSubscription: () => never,
    } as unknown as Client;
    renderWithApp(<Provider value={client}><UsersPage /></Provider>);
    expect(await screen.findByText('rep1@demo.test')).toBeTruthy();
    const statuses = screen.getAllByTestId('user-active').map((e) => e.textContent);
    expect(statuses).toEqual(['启用', '已停用']);
    expect(screen.getAllByTestId('user-team').map((e) => e.textContent)).toEqual(['', 'East']);
    expect(screen.getByTestId('user-enable')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '团队' }));
    await waitFor(() => expect(screen.getByTestId('teams-table').textContent).toContain('East'));
  });

  it('is an admin page: other roles have no menu entry', () => {
    const p = buildPermissions([]);
    expect(visibleModules(p, 'admin').map((m) => m.key)).toContain('users');
    expect(visibleModules(p, 'sales_manager').map((m) => m.key)).not.toContain('users');
    expect(visibleModules(p, 'sales_rep').map((m) => m.key)).not.toContain('users');
  });
});
