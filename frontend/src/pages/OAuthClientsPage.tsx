import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import i18n from 'i18next';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { outcomeText } from '../graphql/errors';
import { formatDateTime } from '../components/format';

// The page's own texts and documents travel in its chunk: no other route pays for them (the
// customers route sits at its budget), and the main generated document module stays as it is.
const TEXTS = {
  'zh-CN': {
    title: '第三方应用', create: '注册应用', name: '名称', clientId: 'Client ID', kind: '类型',
    confidential: '机密客户端（服务器）', public: '公开客户端（移动/浏览器）', scopes: '授权范围',
    redirectUris: '回调地址', serviceRole: '服务账号角色', noServiceRole: '无（仅代表用户）',
    trusted: '仅限已登记的查询', status: '状态', active: '启用', disabled: '已停用',
    rotate: '更换密钥', disable: '停用', disableConfirm: '停用后其令牌立即失效，且无法恢复。确定停用？',
    secretTitle: '请立即保存密钥', secretHint: '密钥只显示这一次，关闭后无法再次查看。',
    secret: '密钥', created: '注册时间', uriHint: '输入后回车，可填多个', done: '我已保存',
    requestRate: '请求频率上限', requestRateHint: '如 6000/minute；留空则使用系统默认',
  },
  en: {
    title: 'OAuth clients', create: 'Register a client', name: 'Name', clientId: 'Client ID', kind: 'Kind',
    confidential: 'Confidential (a server)', public: 'Public (a mobile or browser app)', scopes: 'Scopes',
    redirectUris: 'Redirect URIs', serviceRole: 'Service account role', noServiceRole: 'None (acts for users only)',
    trusted: 'Registered operations only', status: 'Status', active: 'Active', disabled: 'Disabled',
    rotate: 'Rotate secret', disable: 'Disable', disableConfirm: 'Its tokens stop working at once, and this cannot be undone. Disable it?',
    secretTitle: 'Store the secret now', secretHint: 'The secret is shown this once: after closing, nobody can see it again.',
    secret: 'Secret', created: 'Registered', uriHint: 'Type one and press Enter; several allowed', done: 'I stored it',
    requestRate: 'Request limit', requestRateHint: 'e.g. 6000/minute; empty for the server default',
  },
};
for (const [lang, texts] of Object.entries(TEXTS)) i18n.addResourceBundle(lang, 'translation', { oauthClients: texts }, true, false);

const ROLES = ['admin', 'sales_manager', 'sales_rep', 'marketing', 'support', 'warehouse', 'finance', 'hr', 'viewer'];

const CLIENTS = `query OAuthClients { oauthClients { id name clientId confidential redirectUris allowedScopes serviceRole disabled trustedDocuments version createdAt } oauthScopes }`;
const CREATE = `mutation CreateOAuthClient($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) { client { id clientId } clientSecret errors { field code message params } } }`;
const ROTATE = `mutation RotateOAuthClientSecret($id: ID!) { rotateOAuthClientSecret(input: { id: $id }) { client { id } clientSecret errors { field code message params } } }`;
const DISABLE = `mutation DisableOAuthClient($id: ID!) { disableOAuthClient(input: { id: $id }) { client { id disabled } errors { field code message params } } }`;

interface ClientRow {
  id: string; name: string; clientId: string; confidential: boolean; redirectUris: string[]; allowedScopes: string[];
  serviceRole: string | null; disabled: boolean; trustedDocuments: boolean; version: number; createdAt: string;
}
interface UserErrorRow { field?: string | null; code: string; message: string }
interface NewClient { name: string; confidential: boolean; allowedScopes: string[]; redirectUris?: string[]; serviceRole?: string | null; trustedDocuments?: boolean; requestRate?: string }

export default function OAuthClientsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery<{ oauthClients: ClientRow[]; oauthScopes: string[] }>({ query: CLIENTS });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ clientId: string; secret: string } | null>(null);
  const [form] = Form.useForm<NewClient>();
  const confidential = Form.useWatch('confidential', form) ?? true;
  const k = (key: string) => t(`oauthClients.${key}`);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const fail = (err: Parameters<typeof outcomeText>[1], errs?: readonly UserErrorRow[] | null): boolean => {
    const text = outcomeText(i18n, err, errs);
    if (text) message.error(text);
    return !!text;
  };

  const create = async (v: NewClient) => {
    const input = { ...v, redirectUris: v.redirectUris ?? [], serviceRole: v.confidential ? v.serviceRole ?? null : null, trustedDocuments: !!v.trustedDocuments, requestRate: v.requestRate?.trim() || null };
    const r = await client.mutation<{ createOAuthClient: { client: { id: string; clientId: string } | null; clientSecret: string | null; errors: UserErrorRow[] } }>(CREATE, { input }).toPromise();
    if (fail(r.error, r.data?.createOAuthClient.errors)) return;
    const made = r.data!.createOAuthClient;
    setCreating(false);
    form.resetFields();
    if (made.clientSecret && made.client) setSecret({ clientId: made.client.clientId, secret: made.clientSecret });
    else message.success(t('common.success'));
    reload();
  };

  const rotate = async (row: ClientRow) => {
    const r = await client.mutation<{ rotateOAuthClientSecret: { clientSecret: string | null; errors: UserErrorRow[] } }>(ROTATE, { id: row.id }).toPromise();
    if (fail(r.error, r.data?.rotateOAuthClientSecret.errors)) return;
    setSecret({ clientId: row.clientId, secret: r.data!.rotateOAuthClientSecret.clientSecret ?? '' });
    reload();
  };

  const disable = async (row: ClientRow) => {
    const r = await client.mutation<{ disableOAuthClient: { errors: UserErrorRow[] } }>(DISABLE, { id: row.id }).toPromise();
    if (fail(r.error, r.data?.disableOAuthClient.errors)) return;
    message.success(t('common.success'));
    reload();
  };

  return (
    <Card title={k('title')} extra={<Button type="primary" onClick={() => setCreating(true)} data-testid="oauth-create">{k('create')}</Button>}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Table<ClientRow>
          rowKey="id" size="middle" pagination={false} dataSource={data?.oauthClients ?? []} scroll={{ x: true }}
          columns={[
            { title: k('name'), dataIndex: 'name' },
            { title: k('clientId'), dataIndex: 'clientId', render: (v: string) => <Typography.Text code copyable>{v}</Typography.Text> },
            { title: k('kind'), dataIndex: 'confidential', render: (v: boolean) => (v ? k('confidential') : k('public')) },
            { title: k('scopes'), dataIndex: 'allowedScopes', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
            { title: k('serviceRole'), dataIndex: 'serviceRole', render: (v: string | null) => (v ? t(`roles.${v}`) : '—') },
            { title: k('status'), dataIndex: 'disabled', render: (v: boolean) => (v ? <Tag color="default">{k('disabled')}</Tag> : <Tag color="green">{k('active')}</Tag>) },
            { title: k('created'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('common.actions'), key: 'actions', render: (_: unknown, row) => (row.disabled ? null : (
                <Space>
                  {row.confidential ? <Button size="small" onClick={() => void rotate(row)} data-testid={`oauth-rotate-${row.clientId}`}>{k('rotate')}</Button> : null}
                  <Popconfirm title={k('disableConfirm')} onConfirm={() => void disable(row)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                    <Button size="small" danger data-testid={`oauth-disable-${row.clientId}`}>{k('disable')}</Button>
                  </Popconfirm>
                </Space>
              )),
            },
          ]}
        />
      <Modal open={creating} title={k('create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ confidential: true, trustedDocuments: false }}>
          <Form.Item name="name" label={k('name')} rules={[{ required: true, message: t('login.required') }]}><Input maxLength={120} data-testid="oauth-name" /></Form.Item>
          <Form.Item name="confidential" label={k('confidential')} valuePropName="checked"><Switch data-testid="oauth-confidential" /></Form.Item>
          <Form.Item name="allowedScopes" label={k('scopes')} rules={[{ required: true, message: t('login.required') }]}>
            <Select mode="multiple" data-testid="oauth-scopes" options={(data?.oauthScopes ?? []).map((s) => ({ value: s, label: s }))} />
          </Form.Item>
          <Form.Item name="redirectUris" label={k('redirectUris')} extra={k('uriHint')}><Select mode="tags" open={false} data-testid="oauth-redirects" /></Form.Item>
          {confidential ? (
            <Form.Item name="serviceRole" label={k('serviceRole')}>
              <Select allowClear placeholder={k('noServiceRole')} data-testid="oauth-role" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="requestRate" label={k('requestRate')} extra={k('requestRateHint')}><Input maxLength={100} /></Form.Item>
          <Form.Item name="trustedDocuments" label={k('trusted')} valuePropName="checked"><Switch /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!secret} title={k('secretTitle')} closable={false} maskClosable={false} footer={<Button type="primary" onClick={() => setSecret(null)} data-testid="oauth-secret-done">{k('done')}</Button>}>
        <Alert type="warning" showIcon message={k('secretHint')} style={{ marginBottom: 16 }} />
        <p>{k('clientId')}: <Typography.Text code>{secret?.clientId}</Typography.Text></p>
        <p>{k('secret')}: <Typography.Text code copyable data-testid="oauth-secret">{secret?.secret}</Typography.Text></p>
      </Modal>
    </Card>
  );
}
