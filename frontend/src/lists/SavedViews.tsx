import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { gql, useQuery } from 'urql';
import type { SavedViewFieldsFragment, SavedViewList } from '../gql-views/graphql';
import { useCurrentUser } from '../permissions/context';
import { listStateToParams, parseListState, type ListSpec } from './listState';
import { isPlainList, listStateOfView, showsView } from './views/viewState';

// The menu itself (a dropdown, and the dialogs behind it) loads when the user first opens it:
// a list's first load carries only the views' query, the default view and the button.
const loadMenu = () => import('./views/SavedViewsMenu');
const SavedViewsMenu = lazy(loadMenu);

type View = SavedViewFieldsFragment;

/**
 * The views of one list, parsed at run time: the views' codegen output holds every views
 * document and the list's first load has no room for it (nor for a codegen module of its own).
 * The fields are those of `SavedViewFields` (src/lists/views/documents.ts), typed from it, so
 * what the menu's mutations return updates what this query reads in the cache.
 */
const SavedViewsQuery = gql<{ savedViews: View[] }, { list: SavedViewList }>`
  query SavedViews($list: SavedViewList!) {
    savedViews(list: $list) { id name list state shared isDefault version owner { id name email } }
  }
`;

/**
 * The Views menu of a list (saved views of its URL state). On the plain list (no parameters of
 * its own in the URL) the user's default view opens, once per visit of the page.
 */
export function SavedViews({ list, spec }: { list: SavedViewList; spec: ListSpec }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, spec), [params, spec]);
  const [{ data }, refetch] = useQuery({ query: SavedViewsQuery, variables: { list }, requestPolicy: 'cache-and-network' });
  const views = useMemo(() => data?.savedViews ?? [], [data]);
  const current = views.find((v) => showsView(state, v.state, spec));
  const [wanted, setWanted] = useState(false);

  const apply = (view: View) => setParams(listStateToParams(listStateOfView(view.state, spec), spec, params), { replace: true });

  const openedDefault = useRef(false);
  useEffect(() => {
    if (openedDefault.current || !data) return;
    openedDefault.current = true;
    const fallback = views.find((v) => v.isDefault && v.owner?.id === me?.id);
    if (fallback && isPlainList(params, spec)) apply(fallback);
  }, [data]);

  const button = (
    <Button data-testid="views-menu" onClick={() => setWanted(true)}
      onMouseEnter={() => void loadMenu()} onFocus={() => void loadMenu()}>
      <span className="crm-view-current" data-testid="view-current">{current?.name ?? t('common.views')}</span> <DownOutlined />
    </Button>
  );
  if (!wanted) return button;
  return (
    <Suspense fallback={button}>
      <SavedViewsMenu list={list} spec={spec} views={views} current={current} apply={apply}
        refetch={() => refetch({ requestPolicy: 'network-only' })} />
    </Suspense>
  );
}
