import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import type { CombinedError } from 'urql';
import { useFeedback } from '../components/feedback';
import { QueryState } from '../components/QueryState';
import { outcomeText, type UserErrorLike } from '../graphql/errors';
import { roleLabel } from '../i18n';
import type { UsersAdminQuery as UsersResult } from '../gql-users/graphql';
import {
  CreateTeamMutation, DisableUserMutation, EnableUserMutation, InviteUserMutation, ResetUserPasswordMutation,
  UpdateTeamMutation, UpdateUserMutation, UsersAdminQuery,
} from './users/documents';
import './users/texts';

type UserRow = UsersResult['users']['edges'][number]['node'];
type TeamRow = UsersResult['teams'][number];

const ROLES = ['admin', 'sales_manager', 'sales_rep', 'marketing', 'support', 'warehouse', 'finance', 'hr', 'viewer'];
// The workspace's people on one page: a CRM team is tens of people, not thousands.
const MAX_USERS = 100;

interface InviteValues { email: string; name: string; role: string; teamId?: string | null }
interface EditValues { name: string; role: string; teamId?: string | null }
interface TeamValues { name: string; managerId?: string | null; parentTeamId?: string | null }

/** Admins: the workspace's people (invite, role and team, disable, password reset) and teams. */
export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsersAdminQuery, variables: { first: MAX_USERS }, requestPolicy: 'network-only' });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [team, setTeam] = useState<TeamRow | 'new' | null>(null);
  const [link, setLink] = useState<{ url: string; hint: string } | null>(null);
  const [inviteForm] = Form.useForm<InviteValues>();
  const [editForm] = Form.useForm<EditValues>();
  const [teamForm] = Form.useForm<TeamValues>();
  const k = (key: string) => t(`users.${key}`);
  const users = data?.users.edges.map((e) => e.node) ?? [];
  const teams = data?.teams ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));
  const teamOptions = teams.map((x) => ({ value: x.id, label: x.name }));
  const userOptions = users.filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }));

  const failed = (err: CombinedError | undefined, errs?: readonly UserErrorLike[] | null): boolean => {
    const text = outcomeText(i18n, err, errs);
    if (text) message.error(text);
    return !!text;
  };
  const showLink = (path: string | null | undefined, hint: string) => {
    if (path) setLink({ url: `${window.location.origin}${path}`, hint });
  };

  const invite = async (v: InviteValues) => {
    const r = await client.mutation(InviteUserMutation, { input: { email: v.email.trim(), name: v.name.trim(), role: v.role, teamId: v.teamId ?? null } }).toPromise();
    if (failed(r.error, r.data?.inviteUser.errors)) return;
    setInviting(false);
    inviteForm.resetFields();
    message.success(k('invited'));
    showLink(r.data?.inviteUser.inviteLink, k('inviteLinkHint'));
    reload();
  };

  const save = async (v: EditValues) => {
    if (!editing) return;
    const r = await client.mutation(UpdateUserMutation, { input: { id: editing.id, name: v.name.trim(), role: v.role, teamId: v.teamId ?? null } }).toPromise();
    if (failed(r.error, r.data?.updateUser.errors)) return;
    setEditing(null);
    message.success(k('saved'));
    reload();
  };

  const setActive = async (u: UserRow, active: boolean) => {
    const r = active
      ? await client.mutation(EnableUserMutation, { input: { id: u.id } }).toPromise()
      : await client.mutation(DisableUserMutation, { input: { id: u.id } }).toPromise();
    const errs = r.data && ('enableUser' in r.data ? r.data.enableUser.errors : r.data.disableUser.errors);
    if (failed(r.error, errs)) return;
    message.success(k(active ? 'enabled' : 'disabled'));
    reload();
  };

  const resetPassword = async (u: UserRow) => {
    const r = await client.mutation(ResetUserPasswordMutation, { input: { id: u.id } }).toPromise();
    if (failed(r.error, r.data?.resetUserPassword.errors)) return;
    showLink(r.data?.resetUserPassword.resetLink, k('resetLinkHint'));
  };

  const saveTeam = async (v: TeamValues) => {
    const values = { name: v.name.trim(), managerId: v.managerId ?? null, parentTeamId: v.parentTeamId ?? null };
    const r = team === 'new' || team === null
      ? await client.mutation(CreateTeamMutation, { input: values }).toPromise()
      : await client.mutation(UpdateTeamMutation, { input: { id: team.id, ...values } }).toPromise();
    const errs = r.data && ('createTeam' in r.data ? r.data.createTeam.errors : r.data.updateTeam.errors);
    if (failed(r.error, errs)) return;
    setTeam(null);
    message.success(k('saved'));
    reload();
  };

  const openEdit = (u: UserRow) => {
    setEditing(u);
    editForm.setFieldsValue({ name: u.name, role: u.role, teamId: u.team?.id ?? null });
  };
  const openTeam = (x: TeamRow | 'new') => {
    setTeam(x);
    teamForm.setFieldsValue(x === 'new' ? { name: '', managerId: null, parentTeamId: null }
      : { name: x.name, managerId: x.manager?.id ?? null, parentTeamId: x.parent?.id ?? null });
  };

  const usersTab = (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="users-invite" onClick={() => setInviting(true)}>{k('invite')}</Button>
      </Space>
      <Table<UserRow> rowKey="id" size="middle" dataSource={users} loading={fetching} pagination={false} scroll={{ x: 'max-content' }} data-testid="users-table"
        columns={[
          { title: k('name'), dataIndex: 'name' },
          { title: k('email'), dataIndex: 'email' },
          { title: k('role'), dataIndex: 'role', render: (v: string) => roleLabel(t, v) },
          { title: k('team'), key: 'team', render: (_: unknown, u) => <span data-testid="user-team">{u.team?.name ?? ''}</span> },
          { title: k('active'), dataIndex: 'isActive', render: (v: boolean) => <Tag data-testid="user-active" data-active={String(v)} color={v ? 'green' : 'default'}>{k(v ? 'isActive' : 'isDisabled')}</Tag> },
          { title: t('common.actions'), key: 'actions', render: (_: unknown, u) => (
            <Space>
              <Button size="small" data-testid="user-edit" onClick={() => openEdit(u)}>{k('edit')}</Button>
              <Popconfirm title={k(u.isActive ? 'disableConfirm' : 'enableConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')}
                onConfirm={() => void setActive(u, !u.isActive)}>
                <Button size="small" danger={u.isActive} data-testid={u.isActive ? 'user-disable' : 'user-enable'}>{k(u.isActive ? 'disable' : 'enable')}</Button>
              </Popconfirm>
              {u.isActive ? <Button size="small" data-testid="user-reset" onClick={() => void resetPassword(u)}>{k('resetPassword')}</Button> : null}
            </Space>
          ) },
        ]} />
    </>
  );

  const teamsTab = (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="teams-create" onClick={() => openTeam('new')}>{k('newTeam')}</Button>
      </Space>
      <Table<TeamRow> rowKey="id" size="middle" dataSource={teams} loading={fetching} pagination={false} data-testid="teams-table"
        columns={[
          { title: k('teamName'), dataIndex: 'name' },
          { title: k('manager'), key: 'manager', render: (_: unknown, x) => x.manager?.name ?? '' },
          { title: k('parent'), key: 'parent', render: (_: unknown, x) => x.parent?.name ?? '' },
          { title: t('common.actions'), key: 'actions', render: (_: unknown, x) => <Button size="small" data-testid="team-edit" onClick={() => openTeam(x)}>{k('edit')}</Button> },
        ]} />
    </>
  );

  return (
    <Card title={t('menu.users')}>
      <QueryState fetching={fetching} error={error} hasData={!!data} />
      <Tabs items={[{ key: 'users', label: k('usersTab'), children: usersTab }, { key: 'teams', label: k('teamsTab'), children: teamsTab }]} />
      <Modal open={inviting} title={k('inviteTitle')} onCancel={() => setInviting(false)} onOk={() => inviteForm.submit()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden
        okButtonProps={{ 'data-testid': 'invite-submit' }}>
        <Form form={inviteForm} layout="vertical" onFinish={(v) => void invite(v)} initialValues={{ role: 'sales_rep' }}>
          <Form.Item name="email" label={k('email')} rules={[{ required: true, message: t('login.required') }]}><Input maxLength={254} data-testid="invite-email" /></Form.Item>
          <Form.Item name="name" label={k('name')} rules={[{ required: true, message: t('login.required') }]}><Input maxLength={120} data-testid="invite-name" /></Form.Item>
          <Form.Item name="role" label={k('role')} rules={[{ required: true }]}><Select data-testid="invite-role" options={roleOptions} /></Form.Item>
          <Form.Item name="teamId" label={k('team')}><Select allowClear placeholder={k('noTeam')} data-testid="invite-team" options={teamOptions} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!editing} title={k('editTitle')} onCancel={() => setEditing(null)} onOk={() => editForm.submit()} okText={t('common.save')} cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'edit-submit' }}>
        <Form form={editForm} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="name" label={k('name')} rules={[{ required: true, message: t('login.required') }]}><Input maxLength={120} data-testid="edit-name" /></Form.Item>
          <Form.Item name="role" label={k('role')} rules={[{ required: true }]}><Select data-testid="edit-role" options={roleOptions} /></Form.Item>
          <Form.Item name="teamId" label={k('team')}><Select allowClear placeholder={k('noTeam')} data-testid="edit-team" options={teamOptions} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={team !== null} title={team === 'new' ? k('newTeam') : k('teamTitle')} onCancel={() => setTeam(null)} onOk={() => teamForm.submit()} okText={t('common.save')} cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'team-submit' }}>
        <Form form={teamForm} layout="vertical" onFinish={(v) => void saveTeam(v)}>
          <Form.Item name="name" label={k('teamName')} rules={[{ required: true, message: t('login.required') }]}><Input maxLength={120} data-testid="team-name" /></Form.Item>
          <Form.Item name="managerId" label={k('manager')}><Select allowClear showSearch optionFilterProp="label" placeholder={k('noManager')} data-testid="team-manager" options={userOptions} /></Form.Item>
          <Form.Item name="parentTeamId" label={k('parent')}>
            <Select allowClear placeholder={k('noParent')} data-testid="team-parent" options={teamOptions.filter((o) => team === 'new' || team === null || o.value !== team.id)} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!link} title={k('linkTitle')} closable={false} mask={{ closable: false }}
        footer={<Button type="primary" onClick={() => setLink(null)} data-testid="link-done">{k('done')}</Button>}>
        <Alert type="info" showIcon message={link?.hint} style={{ marginBottom: 16 }} />
        <p>{k('link')}: <Typography.Text code copyable data-testid="user-link">{link?.url}</Typography.Text></p>
      </Modal>
    </Card>
  );
}
