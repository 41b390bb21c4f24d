import type { UserErrorLike } from '../graphql/errors';

export interface BulkItemResult {
  id: string;
  ok: boolean;
  message?: string;
}

export interface BulkPayloadLike {
  results?: readonly { id: string; ok: boolean; errors: readonly UserErrorLike[] }[] | null;
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
    const topError = res.error ?? (res.payload?.errors ?? []).map((e) => e.message).join('; ');
    const byId = new Map((res.payload?.results ?? []).map((r) => [r.id, r]));
    for (const id of batch) {
      const r = byId.get(id);
      if (r) out.push({ id, ok: r.ok, message: r.errors.map((e) => e.message).join('; ') || undefined });
      else out.push({ id, ok: !topError && !!res.payload, message: topError || undefined });
    }
    onProgress(Math.min(i + batch.length, ids.length), ids.length);
  }
  return out;
}
