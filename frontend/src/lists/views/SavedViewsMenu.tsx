import { lazy, Suspense, useMemo, useState } from 'react';
import { Button, Dropdown, Tag, type MenuProps } from 'antd';
import { DownOutlined, StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFeedback } from '../../components/feedback';
import { useCurrentUser, usePermissions } from '../../permissions/context';
import type { SavedViewFieldsFragment, SavedViewList } from '../../gql-views/graphql';
import { parseListState, type ListSpec } from '../listState';
import { addViewStrings } from './strings';
import { viewStateOf } from './viewState';

addViewStrings();

// Saving and managing views need forms, switches and lists: they load when one is opened, so
// the list's first load carries only the menu.
const SaveViewDialog = lazy(() => import('./ViewDialogs').then((m) => ({ default: m.SaveViewDialog })));
const ManageViews = lazy(() => import('./ViewDialogs').then((m) => ({ default: m.ManageViews })));

type View = SavedViewFieldsFragment;

/**
 * A list's Views menu, opened: open a saved view (its search, filters, sort and page size go to
 * the URL, like any other change of the list), save what the list shows now under a name
 * (shared with the team, for the roles that may), and rename, delete or mark as default one's
 * own. The views, the current one and the default come from `SavedViews`, which loads this.
 */
export default function SavedViewsMenu({ list, spec, views, current, apply, refetch }: {
  list: SavedViewList; spec: ListSpec; views: View[]; current?: View; apply: (view: View) => void; refetch: () => void;
}) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const me = useCurrentUser();
  const permissions = usePermissions();
  const mayShare = permissions.canDo('SavedView', 'share');
  const mayDeleteAny = permissions.canDo('SavedView', 'deleteAny');
  const [params] = useSearchParams();
  const state = useMemo(() => parseListState(params, spec), [params, spec]);
  const mine = views.filter((v) => v.owner?.id === me?.id);
  const others = views.filter((v) => v.owner?.id !== me?.id);
  const [saving, setSaving] = useState(false);
  const [managing, setManaging] = useState(false);
  // it is mounted by the first click on the button: open at once
  const [menuOpen, setMenuOpen] = useState(true);

  const open = (view: View) => {
    apply(view);
    void message.success(t('views.applied', { name: view.name }));
  };

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
    setMenuOpen(false);
    if (key === 'save') setSaving(true);
    else if (key === 'manage') setManaging(true);
    else {
      const v = views.find((x) => x.id === key);
      if (v) open(v);
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick, selectedKeys: current ? [current.id] : [] }} trigger={['click']}
        open={menuOpen} onOpenChange={setMenuOpen}>
        <Button data-testid="views-menu">
          <span className="crm-view-current" data-testid="view-current">{current?.name ?? t('common.views')}</span> <DownOutlined />
        </Button>
      </Dropdown>
      <Suspense fallback={null}>
        {saving ? (
          <SaveViewDialog list={list} mayShare={mayShare} state={viewStateOf(state)} onClose={(saved) => {
            setSaving(false);
            if (saved) refetch();
          }} />
        ) : null}
        {managing ? (
          <ManageViews views={[...mine, ...(mayDeleteAny ? others : [])]} meId={me?.id} mayShare={mayShare}
            onClose={() => setManaging(false)} onChanged={refetch} />
        ) : null}
      </Suspense>
    </>
  );
}

