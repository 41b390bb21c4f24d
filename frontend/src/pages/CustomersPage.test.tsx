import { screen, within } from '@testing-library/react';
import { Provider } from 'urql';
import { fromValue, never } from 'wonka';
import type { Client } from '@urql/core';
import CustomersPage from './CustomersPage';
import { renderWithApp } from '../test/utils';

const customer = (i: number, phone: string | null) => ({
  __typename: 'Customer', id: `C${i}`, name: `上海星辰科技${i}`, industry: '制造', region: '华东', phone, email: null,
  source: 'WEB', lifecycleStage: 'CUSTOMER', level: 'A', inPool: false, lastFollowUpAt: null, nextFollowUpAt: null,
  createdAt: '2026-10-01T00:00:00Z', owner: { __typename: 'User', id: 'U1', name: '张伟', email: 'rep1@demo.test' },
  tags: [{ __typename: 'Tag', id: 'T1', name: '重点客户', color: 'red' }],
});

const seen: { name: string; variables: Record<string, unknown> }[] = [];

function mockClient(): Client {
  const data: Record<string, unknown> = {
    Customers: {
      customers: {
        __typename: 'CustomerConnection', totalCount: 2,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [
          { __typename: 'CustomerEdge', cursor: 'a', node: customer(1, '138****5678') },
          { __typename: 'CustomerEdge', cursor: 'b', node: customer(2, '13912345678') },
        ],
      },
    },
    CustomerLookups: { tags: [], users: { __typename: 'UserConnection', edges: [] } },
  };
  return {
    executeQuery: (op: { query: { definitions: { name?: { value: string } }[] }; variables: Record<string, unknown> }) => {
      const name = op.query.definitions.find((d) => d.name)?.name?.value ?? '';
      seen.push({ name, variables: op.variables });
      return name in data ? fromValue({ operation: op, data: data[name], stale: false, hasNext: false }) : never;
    },
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client;
}

describe('customer list', () => {
  beforeEach(() => localStorage.removeItem('crm.customers.columns'));

  it('shows only the columns the permissions allow, masked values marked', async () => {
    const perms = [{ type: 'Customer', rowScope: 'OWN', writeScope: 'OWN', fields: [
      { field: 'phone', access: 'MASKED' }, { field: 'email', access: 'NONE' }, { field: 'level', access: 'NONE' },
    ] }];
    renderWithApp(<Provider value={mockClient()}><CustomersPage /></Provider>, perms);
    const table = await screen.findByTestId('customers-table');
    expect(within(table).getByText('上海星辰科技1')).toBeInTheDocument();
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('电话');
    expect(headers).toContain('阶段');
    expect(headers).not.toContain('级别');
    expect(headers).not.toContain('邮箱');
    // the masked string is shown as sent and marked; the clear one (an owned row) plainly
    expect(within(table).getByText(/138\*\*\*\*5678/).closest('[data-masked="true"]')).not.toBeNull();
    expect(within(table).getByText('13912345678').closest('[data-masked="true"]')).toBeNull();
    expect(within(table).getAllByText('成交客户')).toHaveLength(2);
    expect(screen.getByTestId('new-customer')).toBeInTheDocument();
  });

  it('offers no create button to a role that cannot change customers', async () => {
    const perms = [{ type: 'Customer', rowScope: 'ALL', writeScope: 'NONE', fields: [] }];
    renderWithApp(<Provider value={mockClient()}><CustomersPage /></Provider>, perms);
    await screen.findByTestId('customers-table');
    expect(screen.queryByTestId('new-customer')).toBeNull();
  });
});

describe('customer list state from the URL', () => {
  beforeEach(() => { seen.length = 0; });

  it('a shared link\'s search, filters, sort and size reach the query', async () => {
    const perms = [{ type: 'Customer', rowScope: 'TEAM', writeScope: 'TEAM', fields: [] }];
    renderWithApp(<Provider value={mockClient()}><CustomersPage /></Provider>, perms, '/customers?q=星辰&stage=LEAD&tags=T1,T2&sort=name.asc&size=50');
    await screen.findByTestId('customers-table');
    const q = seen.find((x) => x.name === 'Customers');
    expect(q?.variables).toMatchObject({
      filter: { search: '星辰', lifecycleStage: { eq: 'LEAD' }, tagsAny: ['T1', 'T2'] },
      orderBy: [{ field: 'NAME', direction: 'ASC' }],
      first: 50,
      after: null,
    });
    // the sorted column says so
    expect(screen.getByRole('columnheader', { name: /客户名称/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});
