import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { InMemoryClient } from '../graphql/ClientsContext';
import dayjs from 'dayjs';
import { EChart, type EChartOption } from '../components/EChart';
import { sumDecimals } from '../components/format';
import { usePermissions } from '../permissions/context';
import { DashboardFunnelQuery, DashboardLowStockQuery, DashboardSalesQuery, DashboardTeamPerformanceQuery, DashboardTopRepsQuery } from './dashboard/documents';

/** Each chart is asked for only when the user's permissions let them see its data. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const p = usePermissions();
  const showFunnel = p.canView('Opportunity');
  const showSales = p.canView('Order') && p.canRead('Order', 'total');
  const showStock = p.canView('StockLevel');
  const showPerformance = p.canView('RepPerformance');
  const showReps = showPerformance || (p.canView('Opportunity') && p.canRead('Opportunity', 'amount') && (p.rowScope('Opportunity') === 'ALL' || p.rowScope('Opportunity') === 'TEAM'));
  return (
    <Row gutter={[16, 16]} data-testid="dashboard">
      {showFunnel ? <Col xs={24} lg={12}><FunnelCard /></Col> : null}
      {showSales ? <Col xs={24} lg={12}><SalesCard /></Col> : null}
      {showReps ? <Col xs={24} lg={12}>{showPerformance ? <InMemoryClient><TeamPerformanceCard /></InMemoryClient> : <TopRepsCard />}</Col> : null}
      {showStock ? <Col xs={24} lg={12}><LowStockCard /></Col> : null}
      {!showFunnel && !showSales && !showStock ? <Col span={24}><Empty description={t('dashboard.noAccess')} /></Col> : null}
    </Row>
  );
}

function FunnelCard() {
  const { t, i18n } = useTranslation();
  const [{ data }] = useQuery({ query: DashboardFunnelQuery });
  const option = useMemo<EChartOption>(() => {
    const rows = [...(data?.pipelineSummary ?? [])].filter((r) => !r.stage.isLost).sort((a, b) => a.stage.position - b.stage.position);
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c}' },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', label: { show: true, position: 'inside', formatter: '{b} {c}' },
        data: rows.map((r) => ({ name: i18n.language === 'en' ? r.stage.nameEn : r.stage.name, value: r.count })),
      }],
    };
  }, [data, i18n.language]);
  return <Card title={t('dashboard.funnel')}><EChart option={option} testId="chart-funnel" /></Card>;
}

function SalesCard() {
  const { t } = useTranslation();
  // the last twelve months, by month
  const period = useMemo(() => ({
    start: dayjs().subtract(11, 'month').startOf('month').format('YYYY-MM-DD'),
    end: dayjs().endOf('month').format('YYYY-MM-DD'),
  }), []);
  const [{ data }] = useQuery({ query: DashboardSalesQuery, variables: { period } });
  const option = useMemo<EChartOption>(() => {
    const rows = data?.salesSummary ?? [];
    // amounts come per currency; the chart shows the main one (the first seen), never a sum across currencies
    const currency = rows.flatMap((r) => [...r.booked, ...r.collected])[0]?.currency ?? 'CNY';
    const pick = (list: readonly { amount: string; currency: string }[]) => Number(list.find((m) => m.currency === currency)?.amount ?? 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('dashboard.booked'), t('dashboard.collected')] },
      grid: { left: 70, right: 16, top: 48, bottom: 30 },
      xAxis: { type: 'category', data: rows.map((r) => dayjs(r.periodStart).format('YYYY-MM')) },
      yAxis: { type: 'value', name: currency },
      series: [
        { name: t('dashboard.booked'), type: 'bar', data: rows.map((r) => pick(r.booked)) },
        { name: t('dashboard.collected'), type: 'bar', data: rows.map((r) => pick(r.collected)) },
      ],
    };
  }, [data, t]);
  return <Card title={t('dashboard.bookedCollected')}><EChart option={option} testId="chart-sales" /></Card>;
}

function TopRepsCard() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: DashboardTopRepsQuery });
  const option = useMemo<EChartOption>(() => {
    const won = new Set((data?.pipelineStages ?? []).filter((s) => s.isWon).map((s) => s.id));
    const byRep = new Map<string, string[]>();
    for (const e of data?.opportunities.edges ?? []) {
      const o = e.node;
      if (!won.has(o.stage.id) || !o.owner || !o.amount) continue;
      const name = o.owner.name;
      byRep.set(name, [...(byRep.get(name) ?? []), o.amount.amount]);
    }
    const rows = [...byRep.entries()].map(([name, v]) => ({ name, total: Number(sumDecimals(v)) })).sort((a, b) => b.total - a.total).slice(0, 10);
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 16, bottom: 30 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.name).reverse() },
      series: [{ type: 'bar', name: t('pipeline.won'), data: rows.map((r) => r.total).reverse() }],
    };
  }, [data, t]);
  return <Card title={t('dashboard.topReps')}><EChart option={option} testId="chart-reps" /></Card>;
}

function LowStockCard() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: DashboardLowStockQuery });
  const items = data?.lowStock ?? [];
  const option = useMemo<EChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 110, right: 16, top: 32, bottom: 30 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: items.slice(0, 10).map((i) => i.level.product.name) },
    series: [
      { type: 'bar', name: t('stock.available'), data: items.slice(0, 10).map((i) => i.level.available) },
      { type: 'bar', name: t('stock.reorderPoint'), data: items.slice(0, 10).map((i) => i.level.reorderPoint ?? 0) },
    ],
  }), [items, t]);
  return (
    <Card title={t('dashboard.lowStock')}>
      <Statistic title={t('stock.lowCount')} value={items.length} valueStyle={{ color: items.length ? '#cf1322' : undefined }} />
      {items.length ? <EChart option={option} height={220} testId="chart-low-stock" /> : null}
    </Card>
  );
}

/** Top reps from teamPerformance: booked and collected this year, in the main currency. */
function TeamPerformanceCard() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: DashboardTeamPerformanceQuery, variables: { period: { start: `${dayjs().year()}-01-01`, end: `${dayjs().year() + 1}-01-01` } } });
  const option = useMemo<EChartOption>(() => {
    const reps = data?.teamPerformance.reps ?? [];
    const currency = reps.flatMap((r) => [...r.revenueBooked, ...r.revenueCollected])[0]?.currency ?? 'CNY';
    const pick = (list: readonly { amount: string; currency: string }[]) => Number(list.find((m) => m.currency === currency)?.amount ?? 0);
    const rows = reps
      .map((r) => ({ name: r.user.name, booked: pick(r.revenueBooked), collected: pick(r.revenueCollected) }))
      .sort((a, b) => b.booked - a.booked)
      .slice(0, 10)
      .reverse();
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('dashboard.booked'), t('dashboard.collected')] },
      grid: { left: 110, right: 16, top: 32, bottom: 30 },
      xAxis: { type: 'value', name: currency },
      yAxis: { type: 'category', data: rows.map((r) => r.name) },
      series: [
        { type: 'bar', name: t('dashboard.booked'), data: rows.map((r) => r.booked) },
        { type: 'bar', name: t('dashboard.collected'), data: rows.map((r) => r.collected) },
      ],
    };
  }, [data, t]);
  return <Card title={t('dashboard.topReps')}><EChart option={option} testId="chart-reps" /></Card>;
}
