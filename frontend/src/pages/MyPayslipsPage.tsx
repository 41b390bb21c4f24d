import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { MyPayslipsQuery } from './payroll/documents';
import { PayslipTable } from './PayrollPage';
import { QueryState } from '../components/QueryState';

export default function MyPayslipsPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: MyPayslipsQuery });
  const slips = data?.myPayslips.edges.map((e) => e.node) ?? [];
  return (
    <Card title={t('menu.myPayslips')}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      {slips.length ? <PayslipTable slips={slips} showEmployee={false} /> : !fetching ? <Empty /> : null}
    </Card>
  );
}
