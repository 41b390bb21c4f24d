import { screen } from '@testing-library/react';
import { Provider } from 'urql';
import { never } from 'wonka';
import type { Client } from '@urql/core';
import DashboardPage from './DashboardPage';
import { renderWithApp } from '../test/utils';

vi.mock('../components/EChart', () => ({ EChart: ({ testId }: { testId?: string }) => <div data-testid={testId} /> }));

const client = { executeQuery: () => never, executeMutation: () => never, executeSubscription: () => never } as unknown as Client;

function titles(): string[] {
  return Array.from(document.querySelectorAll('.ant-card-head-title')).map((e) => e.textContent ?? '');
}

describe('dashboard', () => {
  it('a rep sees the funnel but no sales, top reps or stock', () => {
    renderWithApp(<Provider value={client}><DashboardPage /></Provider>, [
      { type: 'Opportunity', rowScope: 'OWN', fields: [] },
    ]);
    expect(titles()).toEqual(['商机漏斗']);
  });

  it('a manager sees every chart their permissions cover', () => {
    renderWithApp(<Provider value={client}><DashboardPage /></Provider>, [
      { type: 'Opportunity', rowScope: 'TEAM', fields: [] },
      { type: 'Order', rowScope: 'TEAM', fields: [] },
      { type: 'RepPerformance', rowScope: 'TEAM', fields: [] },
      { type: 'StockLevel', rowScope: 'ALL', fields: [] },
    ]);
    expect(titles()).toEqual(['商机漏斗', '签约与回款（按月）', '销售排行', '低库存']);
  });

  it('warehouse sees stock only; order totals it cannot read hide the sales chart', () => {
    renderWithApp(<Provider value={client}><DashboardPage /></Provider>, [
      { type: 'Order', rowScope: 'ALL', fields: [{ field: 'total', access: 'NONE' }] },
      { type: 'StockLevel', rowScope: 'ALL', fields: [] },
    ]);
    expect(titles()).toEqual(['低库存']);
    expect(screen.queryByTestId('chart-sales')).toBeNull();
  });
});
