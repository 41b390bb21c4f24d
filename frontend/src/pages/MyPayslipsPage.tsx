import { Card, Collapse, Empty, Space, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MyPayslipsQuery } from './payroll/documents';
import { PayslipLines } from './PayrollPage';
import { formatMoney } from '../components/format';
import { QueryState } from '../components/QueryState';

export default function MyPayslipsPage() {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MyPayslipsQuery });
  const slips = data?.myPayslips ?? [];
  return (
    <Card title={t('menu.myPayslips')}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      {slips.length ? (
        <Collapse items={slips.map((s) => ({
          key: s.id,
          label: (
            <Space size="large" wrap>
              <strong>{s.period}</strong>
              <Statistic title={t('payroll.gross')} value={formatMoney(s.gross, i18n.language)} />
              <Statistic title={t('payroll.tax')} value={formatMoney(s.tax, i18n.language)} />
              <Statistic title={t('payroll.net')} value={formatMoney(s.net, i18n.language)} />
            </Space>
          ),
          children: <PayslipLines slip={s} />,
        }))} />
      ) : !fetching ? <Empty /> : null}
    </Card>
  );
}
