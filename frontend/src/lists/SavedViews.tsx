import { lazy, Suspense } from 'react';
import { Button } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import type { SavedViewList } from '../gql-views/graphql';
import type { ListSpec } from './listState';

// The menu, its dialogs and its documents load after the list itself: a list's first load
// carries only this placeholder.
const SavedViewsMenu = lazy(() => import('./views/SavedViewsMenu'));

/** The Views menu of a list (saved views of its URL state). */
export function SavedViews({ list, spec }: { list: SavedViewList; spec: ListSpec }) {
  return (
    <Suspense fallback={<Button disabled icon={<DownOutlined />} data-testid="views-menu-loading" />}>
      <SavedViewsMenu list={list} spec={spec} />
    </Suspense>
  );
}
