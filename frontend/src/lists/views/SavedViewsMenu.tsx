import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Dropdown, Form, Input, List, Modal, Popconfirm, Space, Switch, Tag, Tooltip, type MenuProps } from 'antd';
import { DeleteOutlined, DownOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFeedback } from '../../components/feedback';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { outcomeText } from '../../graphql/errors';
import { useCurrentUser, usePermissions } from '../../permissions/context';
import type { SavedViewFieldsFragment, SavedViewList } from '../../gql-views/graphql';
import { listStateToParams, parseListState, type ListSpec } from '../listState';
import { CreateSavedViewMutation, DeleteSavedViewMutation, SavedViewsQuery, UpdateSavedViewMutation } from './documents';
import { addViewStrings } from './strings';
import { isPlainList, listStateOfView, showsView, viewStateOf } from './viewState';

addViewStrings();

type View = SavedViewFieldsFragment;

/**
 * A list's Views menu: open a saved view (its search, filters, sort and page size go to the
 * URL, like any other change of the list), save what the list shows now under a name (shared
 * with the team, for the roles that may), and rename, delete or mark as default one's own. On
 * the plain list (no parameters of its own in the URL) the user's default view opens.
 */
export default function SavedViewsMenu({ list, spec }: { list: SavedViewList; spec: ListSpec }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useCurrentUser();
  const permissions = usePermissions();
  const mayShare = permissions.canDo('SavedView', 'share');
  const mayDeleteAny = permissions.canDo('SavedView', 'deleteAny');
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, spec), [params, spec]);
  const [{ data }, refetch] = useQuery({ query: SavedViewsQuery, variables: { list }, requestPolicy: 'cache-and-network' });
  const views = useMemo(() => data?.savedViews ?? [], [data]);
  const mine = views.filter((v) => v.owner?.id === me?.id);
  const others = views.filter((v) => v.owner?.id !== me?.id);
  const current = views.find((v) => showsView(state, v.state, spec));
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);

  const open = (view: View, announce = true) => {
    setParams(listStateToParams(listStateOfView(view.state, spec), spec, params), { replace: true });
    if (announce) void message.success(t('views.applied', { name: view.name }));
  };

  // the default view opens on the plain list, once per visit of the page
  const openedDefault = useRef(false);
  useEffect(() => {
    if (openedDefault.current || !data) return;
    openedDefault.current = true;
    const fallback = mine.find((v) => v.isDefault);
    if (fallback && isPlainList(params, spec)) open(fallback, false);
  }, [data]);

  const item = (v: View) => ({
    key: v.id,
    label: (
      <span className="crm-view-item" data-testid="view-item" data-view={v.name}>
        {v.name}
        {v.isDefault && v.owner?.id === me?.id ? <StarFilled className="crm-secondary" style={{ marginInlineStart: 6 }} aria-label={t('views.isDefault')} /> : null}
        {v.shared ? <Tag style={{ marginInlineStart: 6 }}>{v.owner?.id === me?.id ? t('views.sharedTag') : t('views.by', { owner: v.owner?.name ?? '' })}</Tag> : null}
      </span>
    ),
  });
  const items: MenuProps['items'] = [
    ...(mine.length ? [{ type: 'group' as const, key: 'mine', label: t('views.mine'), children: mine.map(item) }] : []),
    ...(others.length ? [{ type: 'group' as const, key: 'shared', label: t('views.shared'), children: others.map(item) }] : []),
    ...(views.length ? [] : [{ key: 'none', disabled: true, label: t('views.none') }]),
    { type: 'divider' as const },
    { key: 'save', label: <span data-testid="view-save">{t('views.save')}</span> },
    ...(mine.length || (mayDeleteAny && others.length) ? [{ key: 'manage', label: <span data-testid="view-manage">{t('views.manage')}</span> }] : []),
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'save') setSaving(true);
    else if (key === 'manage') setManaging(true);
    else {
      const v = views.find((x) => x.id === key);
      if (v) open(v);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick, selectedKeys: current ? [current.id] : [] }} trigger={['click']}>
        <Button data-testid="views-menu">
          <span className="crm-view-current" data-testid="view-current">{current?.name ?? t('views.title')}</span> <DownOutlined />
        </Button>
      </Dropdown>
      {saving ? (
        <SaveViewDialog list={list} mayShare={mayShare} state={viewStateOf(state)} onClose={(saved) => {
          setSaving(false);
          if (saved) refetch({ requestPolicy: 'network-only' });
        }} />
      ) : null}
      <Modal open={managing} title={t('views.manage').replace('…', '')} footer={null} onCancel={() => setManaging(false)} destroyOnHidden>
        <ManageViews views={[...mine, ...(mayDeleteAny ? others : [])]} meId={me?.id} mayShare={mayShare}
          onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      </Modal>
    </>
  );
}

function SaveViewDialog({ list, mayShare, state, onClose }: {
  list: SavedViewList; mayShare: boolean; state: ReturnType<typeof viewStateOf>; onClose: (saved: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ name: string; shared: boolean; isDefault: boolean }>();
  const [{ fetching }, create] = useMutation(CreateSavedViewMutation);
  const submit = async () => {
    const values = await form.validateFields();
    const r = await create({ input: { list, name: values.name, state, shared: mayShare && Boolean(values.shared), isDefault: Boolean(values.isDefault) } });
    const errors = r.data?.createSavedView.errors ?? [];
    if (r.error || errors.length) {
      const rest = showFieldErrors(form, i18n, errors, ['name', 'shared', 'isDefault']);
      if (r.error || rest.length) void message.error(outcomeText(i18n, r.error, rest));
      return;
    }
    void message.success(t('views.saved', { name: r.data?.createSavedView.savedView?.name ?? values.name }));
    onClose(true);
  };
  return (
    <Modal open title={t('views.save').replace('…', '')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={fetching}
      onOk={() => void submit()} onCancel={() => onClose(false)} okButtonProps={{ 'data-testid': 'view-save-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ name: '', shared: false, isDefault: false }}
        onValuesChange={(changed) => clearFieldErrors(form, changed)}
        onFinish={() => void submit()}>
        <Form.Item name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, message: t('views.nameRequired') }]}>
          <Input maxLength={80} placeholder={t('views.namePlaceholder')} autoFocus data-testid="view-name" onPressEnter={() => void submit()} />
        </Form.Item>
        {mayShare ? (
          <Form.Item name="shared" label={t('views.share')} valuePropName="checked" extra={t('views.shareHint')}>
            <Switch data-testid="view-share" />
          </Form.Item>
        ) : null}
        <Form.Item name="isDefault" valuePropName="checked">
          <Checkbox data-testid="view-default">{t('views.makeDefault')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ManageViews({ views, meId, mayShare, onChanged }: { views: View[]; meId?: string; mayShare: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [, update] = useMutation(UpdateSavedViewMutation);
  const [, remove] = useMutation(DeleteSavedViewMutation);
  const change = async (v: View, input: { name?: string; shared?: boolean; isDefault?: boolean }, done?: string) => {
    const r = await update({ input: { id: v.id, expectedVersion: v.version, ...input } });
    const text = outcomeText(i18n, r.error, r.data?.updateSavedView.errors);
    if (text) void message.error(text);
    else if (done) void message.success(done);
    onChanged();
  };
  const drop = async (v: View) => {
    const r = await remove({ input: { id: v.id } });
    const text = outcomeText(i18n, r.error, r.data?.deleteSavedView.errors);
    if (text) void message.error(text);
    else void message.success(t('views.deleted', { name: v.name }));
    onChanged();
  };
  if (!views.length) return <div className="crm-secondary">{t('views.none')}</div>;
  return (
    <List
      dataSource={views}
      rowKey="id"
      data-testid="view-manage-list"
      renderItem={(v) => {
        const own = v.owner?.id === meId;
        return (
          <List.Item data-testid="view-row" data-view={v.name} actions={[
            own ? (
              <Tooltip key="default" title={v.isDefault ? t('views.unsetDefault') : t('views.setDefault')}>
                <Button type="text" aria-label={v.isDefault ? t('views.unsetDefault') : t('views.setDefault')} data-testid="view-toggle-default"
                  icon={v.isDefault ? <StarFilled /> : <StarOutlined />} onClick={() => void change(v, { isDefault: !v.isDefault })} />
              </Tooltip>
            ) : null,
            <Popconfirm key="delete" title={t('views.deleteConfirm', { name: v.name })} okText={t('views.delete')} cancelText={t('common.cancel')} onConfirm={() => drop(v)}>
              <Button type="text" danger aria-label={t('views.delete')} icon={<DeleteOutlined />} data-testid="view-delete" />
            </Popconfirm>,
          ].filter(Boolean)}>
            <Space wrap>
              {own ? (
                <Input defaultValue={v.name} maxLength={80} aria-label={t('views.name')} data-testid="view-rename" style={{ width: 200 }}
                  onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
                  onBlur={(e) => {
                    const name = e.target.value.trim();
                    if (name && name !== v.name) void change(v, { name }, t('views.renamed'));
                    else e.target.value = v.name;
                  }} />
              ) : (
                <span>{v.name} <Tag>{t('views.by', { owner: v.owner?.name ?? '' })}</Tag></span>
              )}
              {own && mayShare ? (
                <Switch size="small" checked={v.shared} checkedChildren={t('views.sharedTag')} unCheckedChildren={t('views.sharedTag')}
                  onChange={(shared) => void change(v, { shared })} data-testid="view-toggle-share" />
              ) : own && v.shared ? <Tag>{t('views.sharedTag')}</Tag> : null}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
