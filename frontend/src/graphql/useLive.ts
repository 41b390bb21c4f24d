import { useEffect, useRef } from 'react';
import { useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';

/** One write pushes several entries (the follow-up, its change record, the customer's dates):
 * the page reloads once for the burst. */
const BURST_MS = 150;

/**
 * Calls `onPush` after pushes of a subscription (a page reloads what it shows), once per burst.
 * Nothing happens without a socket: the page still loads and reloads over HTTP.
 */
export function useLive<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>, variables: Variables, onPush: (data: Data) => void, pause = false,
): void {
  const latest = useRef(onPush);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => { latest.current = onPush; }, [onPush]);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);
  useSubscription<Data, Data, Variables>({ query, variables, pause }, (_prev, data) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current(data);
    }, BURST_MS);
    return data;
  });
}
