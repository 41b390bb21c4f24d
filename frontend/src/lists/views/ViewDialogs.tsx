import { Button, Checkbox, Form, Input, List, Modal, Popconfirm, Space, Switch, Tag, Tooltip } from 'antd';
import { DeleteOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useFeedback } from '../../components/feedback';
import { clearFieldErrors, showFieldErrors } from '../../components/formErrors';
import { outcomeText } from '../../graphql/errors';
import type { SavedViewFieldsFragment, SavedViewList } from '../../gql-views/graphql';
import { CreateSavedViewMutation, DeleteSavedViewMutation, UpdateSavedViewMutation } from './documents';
import type { viewStateOf } from './viewState';

type View = SavedViewFieldsFragment;

/** The dialogs of the Views menu, loaded when one is opened. */
export function SaveViewDialog({ list, mayShare, state, onClose }: {
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

export function ManageViews({ views, meId, mayShare, onChanged, onClose }: {
  views: View[]; meId?: string; mayShare: boolean; onChanged: () => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal open title={t('views.manage').replace('…', '')} footer={null} onCancel={onClose} destroyOnHidden>
      <ManageList views={views} meId={meId} mayShare={mayShare} onChanged={onChanged} />
    </Modal>
  );
}

function ManageList({ views, meId, mayShare, onChanged }: { views: View[]; meId?: string; mayShare: boolean; onChanged: () => void }) {
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
