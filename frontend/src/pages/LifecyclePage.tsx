import { Button, Card, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { outcomeText } from '../graphql/errors';
import { enumLabel, type EnumName } from '../i18n';
import type {
  LeadScoringField, LeadScoringKind, LeadScoringOperator, LifecycleSettingsQuery as SettingsResult,
} from '../gql-lifecycle/graphql';
import { LifecycleSettingsQuery, SetLeadScoringRulesMutation, UpdateLifecycleSettingsMutation } from './lifecycle/documents';
import './lifecycle/texts';

type Settings = SettingsResult['lifecycleSettings'];
interface RuleRow { kind: LeadScoringKind; field?: LeadScoringField | null; operator?: LeadScoringOperator | null; value?: string | null; points: number; maxPoints?: number | null }

const KINDS: LeadScoringKind[] = ['FIELD', 'INTERACTIONS'];
const FIELDS: LeadScoringField[] = ['SOURCE', 'STATUS', 'COMPANY', 'TITLE', 'EMAIL', 'PHONE'];
const OPERATORS: LeadScoringOperator[] = ['EQUALS', 'CONTAINS', 'IS_SET'];
const NUMBERS = ['loyalOrders', 'loyalWithinDays', 'atRiskDays', 'churnedDays'] as const;
const GRADES = ['gradeA', 'gradeB', 'gradeC'] as const;

/** Lifecycle rules and lead scoring (admins and sales managers). */
export default function LifecyclePage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: LifecycleSettingsQuery, requestPolicy: 'network-only' });
  const [rulesForm] = Form.useForm<{ rules: RuleRow[] }>();
  const settings = data?.lifecycleSettings;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const options = (name: EnumName, values: string[]) => values.map((v) => ({ value: v, label: enumLabel(t, name, v) }));

  const saveSettings = async (v: Partial<Settings>) => {
    const input = { ...Object.fromEntries([...NUMBERS, ...GRADES, 'enabled'].map((k) => [k, (v as Record<string, unknown>)[k]])), expectedVersion: settings?.version };
    const r = await client.mutation(UpdateLifecycleSettingsMutation, { input }).toPromise();
    const text = outcomeText(i18n, r.error, r.data?.updateLifecycleSettings.errors);
    if (text) { message.error(text); return; }
    message.success(t('lifecycle.saved'));
    reload();
  };
  const saveRules = async (v: { rules: RuleRow[] }) => {
    const rules = (v.rules ?? []).map((r) => ({
      kind: r.kind, points: r.points, maxPoints: r.kind === 'INTERACTIONS' ? r.maxPoints ?? null : null,
      field: r.kind === 'FIELD' ? r.field ?? null : null, operator: r.kind === 'FIELD' ? r.operator ?? null : null,
      value: r.kind === 'FIELD' && r.operator !== 'IS_SET' ? r.value ?? null : null,
    }));
    const r = await client.mutation(SetLeadScoringRulesMutation, { input: { rules } }).toPromise();
    const text = outcomeText(i18n, r.error, r.data?.setLeadScoringRules.errors);
    if (text) { message.error(text); return; }
    message.success(t('lifecycle.saved'));
    reload();
  };

  const progress = settings?.rescoring;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle" data-testid="lifecycle-page">
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      {settings ? (
        <Card title={t('lifecycle.rules')}>
          <Typography.Paragraph type="secondary">{t('lifecycle.intro')}</Typography.Paragraph>
          <Form key={settings.version} layout="vertical" initialValues={settings} onFinish={(v) => void saveSettings(v as Partial<Settings>)} data-testid="lifecycle-form">
            <Form.Item name="enabled" label={t('lifecycle.enabled')} valuePropName="checked"><Switch data-testid="lifecycle-enabled" /></Form.Item>
            <Space wrap size="large">
              {NUMBERS.map((k) => (
                <Form.Item key={k} name={k} label={t(`lifecycle.${k}`)}><InputNumber precision={0} data-testid={`lifecycle-${k}`} /></Form.Item>
              ))}
            </Space>
            <Typography.Title level={5}>{t('lifecycle.grades')}</Typography.Title>
            <Space wrap size="large">
              {GRADES.map((k) => (
                <Form.Item key={k} name={k} label={t(`lifecycle.${k}`)}><InputNumber precision={0} data-testid={`lifecycle-${k}`} /></Form.Item>
              ))}
            </Space>
            <div><Button type="primary" htmlType="submit" data-testid="lifecycle-save">{t('lifecycle.save')}</Button></div>
          </Form>
        </Card>
      ) : null}
      {data ? (
        <Card title={t('lifecycle.scoring')} extra={settings?.rulesCustomised ? null : <Tag data-testid="scoring-defaults">{t('lifecycle.defaults')}</Tag>}>
          <Typography.Paragraph type="secondary">{t('lifecycle.scoringIntro')}</Typography.Paragraph>
          {progress ? (
            <Typography.Paragraph data-testid="scoring-progress">
              {progress.finishedAt ? t('lifecycle.rescored', { total: progress.total }) : t('lifecycle.rescoring', { done: progress.done, total: progress.total })}
            </Typography.Paragraph>
          ) : null}
          <Form form={rulesForm} key={`rules-${settings?.version ?? 0}`} initialValues={{ rules: data.leadScoringRules }} onFinish={(v) => void saveRules(v)} data-testid="scoring-form">
            <Form.List name="rules">
              {(items, { add, remove }) => (
                <>
                  <Table rowKey="key" size="small" pagination={false} dataSource={items} scroll={{ x: 'max-content' }} data-testid="scoring-rules"
                    columns={[
                      { title: t('lifecycle.kind'), render: (_: unknown, it) => <Form.Item name={[it.name, 'kind']} noStyle><Select style={{ width: 150 }} options={options('LeadScoringKind', KINDS)} data-testid="rule-kind" /></Form.Item> },
                      { title: t('lifecycle.field'), render: (_: unknown, it) => <Form.Item name={[it.name, 'field']} noStyle><Select allowClear style={{ width: 120 }} options={options('LeadScoringField', FIELDS)} data-testid="rule-field" /></Form.Item> },
                      { title: t('lifecycle.operator'), render: (_: unknown, it) => <Form.Item name={[it.name, 'operator']} noStyle><Select allowClear style={{ width: 120 }} options={options('LeadScoringOperator', OPERATORS)} data-testid="rule-operator" /></Form.Item> },
                      { title: t('lifecycle.value'), render: (_: unknown, it) => <Form.Item name={[it.name, 'value']} noStyle><Input style={{ width: 140 }} data-testid="rule-value" /></Form.Item> },
                      { title: t('lifecycle.points'), render: (_: unknown, it) => <Form.Item name={[it.name, 'points']} noStyle><InputNumber precision={0} data-testid="rule-points" /></Form.Item> },
                      { title: t('lifecycle.maxPoints'), render: (_: unknown, it) => <Form.Item name={[it.name, 'maxPoints']} noStyle><InputNumber precision={0} data-testid="rule-max" /></Form.Item> },
                      { title: t('common.actions'), render: (_: unknown, it) => <Button size="small" danger onClick={() => remove(it.name)} data-testid="rule-remove">{t('lifecycle.remove')}</Button> },
                    ]} />
                  <Space style={{ marginTop: 12 }}>
                    <Button onClick={() => add({ kind: 'FIELD', field: 'SOURCE', operator: 'EQUALS', value: '', points: 10 })} data-testid="rule-add">{t('lifecycle.add')}</Button>
                    <Button type="primary" htmlType="submit" data-testid="rules-save">{t('lifecycle.saveRules')}</Button>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}
