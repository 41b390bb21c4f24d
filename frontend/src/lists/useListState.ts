import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient } from 'urql';
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { listStateToParams, parseListState, withChange, type ListSpec, type ListState } from './listState';

/** The list state in the URL, and a setter that writes it back (replacing the history entry). */
export function useListState(spec: ListSpec): [ListState, (change: Partial<ListState>) => void] {
  const [params, setParams] = useSearchParams();
  // the setter reads the URL as it is now, even when called from a handler created before the
  // last navigation (a search typed right after switching views must not bring the old view back)
  const latest = useRef(params);
  latest.current = params;
  const state = useMemo(() => parseListState(params, spec), [params, spec]);
  const set = useCallback(
    (change: Partial<ListState>) => {
      const current = latest.current;
      const next = listStateToParams(withChange(parseListState(current, spec), change), spec, current);
      latest.current = next; // a second change in the same event builds on this one
      setParams(next, { replace: true });
    },
    [setParams, spec],
  );
  return [state, set];
}

/** A page's start: the cursor of the row before it, remembered per list query. */
const cursors = new Map<string, string | null>();
const keyOf = (listKey: string, page: number) => `${listKey}#${page}`;

/** Remember where the next page starts (the current page's endCursor), so Next needs no walk. */
export function rememberPageStart(listKey: string, page: number, after: string | null | undefined): void {
  if (after) cursors.set(keyOf(listKey, page), after);
}

interface CursorResult { [root: string]: { pageInfo: { endCursor?: string | null; hasNextPage: boolean } } }

/**
 * The `after` cursor of page `page` of a keyset-paginated list. Pages reached with Next are
 * known; a page number typed in the URL (a reload, a shared link, a jump) is found by asking
 * for the end cursor of the rows before it, up to 100 at a time, without their fields.
 */
export function usePageStart<V extends AnyVariables>(
  doc: TypedDocumentNode<CursorResult, V & { first: number; after: string | null }>,
  root: string,
  variables: V,
  page: number,
  size: number,
): { after: string | null; ready: boolean } {
  const client = useClient();
  const listKey = useMemo(() => JSON.stringify([root, variables, size]), [root, variables, size]);
  const known = page <= 1 ? null : cursors.get(keyOf(listKey, page));
  const [walked, setWalked] = useState<{ key: string; after: string | null } | null>(null);
  const key = keyOf(listKey, page);

  useEffect(() => {
    if (page <= 1 || known !== undefined) return undefined;
    let cancelled = false;
    void (async () => {
      let skip = (page - 1) * size;
      let after: string | null = null;
      while (skip > 0) {
        const first = Math.min(100, skip);
        const r: { data?: CursorResult } = await client.query(doc, { ...variables, first, after } as V & { first: number; after: string | null }, { requestPolicy: 'network-only' }).toPromise();
        const info: { endCursor?: string | null; hasNextPage: boolean } | undefined = r.data?.[root]?.pageInfo;
        if (!info?.endCursor) break;
        after = info.endCursor;
        skip -= first;
        if (!info.hasNextPage) break;
      }
      if (!cancelled) {
        if (after) cursors.set(key, after);
        setWalked({ key, after });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, doc, root, variables, page, size, known, key]);

  if (page <= 1) return { after: null, ready: true };
  if (known !== undefined) return { after: known, ready: true };
  if (walked?.key === key) return { after: walked.after, ready: true };
  return { after: null, ready: false };
}

/** The key `usePageStart` and `rememberPageStart` share for one list query. */
export function listKeyOf(root: string, variables: unknown, size: number): string {
  return JSON.stringify([root, variables, size]);
}
