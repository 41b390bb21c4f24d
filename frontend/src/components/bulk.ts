import type { UserErrorLike } from '../graphql/errors';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  /** the customer's name: from the result, else from the rows the user picked */
  name?: string;
  errors: readonly UserErrorLike[];
  /** a failure of the whole batch (network, GraphQL error), already in the user's language */
  message?: string;
}

export interface BulkPayloadLike {
  results?: readonly { id: string; ok: boolean; customer?: { id: string; name: string } | null; errors: readonly UserErrorLike[] }[] | null;
  errors?: readonly UserErrorLike[] | null;
}

/**
 * Runs a bulk mutation in batches so hundreds of rows show progress, and returns one result
 * per id (a failed batch marks each of its ids with the batch's error).
 */
export async function runInBatches(
  ids: readonly string[],
  run: (batch: string[]) => Promise<{ payload?: BulkPayloadLike | null; error?: string }>,
  onProgress: (done: number, total: number) => void,
  batchSize = 50,
  names?: ReadonlyMap<string, string>,
): Promise<BulkItemResult[]> {
  const out: BulkItemResult[] = [];
  onProgress(0, ids.length);
  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    let res: { payload?: BulkPayloadLike | null; error?: string };
    try {
      res = await run(batch);
    } catch (e) {
      res = { error: e instanceof Error ? e.message : String(e) };
    }
    const topErrors = res.payload?.errors ?? [];
    const byId = new Map((res.payload?.results ?? []).map((r) => [r.id, r]));
    for (const id of batch) {
      const r = byId.get(id);
      const name = r?.customer?.name ?? names?.get(id);
      if (r) out.push({ id, ok: r.ok, name, errors: r.errors });
      else out.push({ id, ok: !res.error && !topErrors.length && !!res.payload, name, errors: topErrors, message: res.error });
    }
    onProgress(Math.min(i + batch.length, ids.length), ids.length);
  }
  return out;
}

/**
 * Runs a bulk mutation once for "every customer the filter matches": the server picks the
 * customers (capped, and under the caller's row scope), so the results are what it reports per
 * customer. An error of the whole request (LIMIT_REACHED when too many match, a network
 * failure) comes back as one failed item with no customer.
 */
export async function runMatching(
  run: () => Promise<{ payload?: BulkPayloadLike | null; error?: string }>,
  names?: ReadonlyMap<string, string>,
): Promise<BulkItemResult[]> {
  let res: { payload?: BulkPayloadLike | null; error?: string };
  try {
    res = await run();
  } catch (e) {
    res = { error: e instanceof Error ? e.message : String(e) };
  }
  const topErrors = res.payload?.errors ?? [];
  const results = res.payload?.results ?? [];
  if (res.error || topErrors.length || !res.payload) {
    return [{ id: '', ok: false, errors: topErrors, message: res.error }];
  }
  return results.map((r) => ({ id: r.id, ok: r.ok, name: r.customer?.name ?? names?.get(r.id), errors: r.errors }));
}
