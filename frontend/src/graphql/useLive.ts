import { useEffect, useRef } from 'react';
import { useSubscription, type AnyVariables } from 'urql';
import type { TypedDocumentNode } from '@urql/core';

/**
 * Calls `onPush` for every push of a subscription (a page reloads what it shows). Nothing
 * happens without a socket: the page still loads and reloads over HTTP.
 */
export function useLive<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>, variables: Variables, onPush: (data: Data) => void, pause = false,
): void {
  const latest = useRef(onPush);
  useEffect(() => { latest.current = onPush; }, [onPush]);
  useSubscription<Data, Data, Variables>({ query, variables, pause }, (_prev, data) => {
    latest.current(data);
    return data;
  });
}
