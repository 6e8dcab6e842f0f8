/**
 * The shared end of the vendor webhooks (Chatwoot, Zammad): the verified body decoded as JSON,
 * mapped by the vendor's module, and stored through the exactly-once ingest under the source the
 * webhook URL names. A skipped payload (another event, a system article) stores nothing and says why.
 *
 * @example
 * const report = await ingestPushed(store, src, "zammad", "zammad", zammadMessage(parseJsonBody(bytes)));
 */
import { AttuneError } from "../core/errors.js";
import { Ingestor, type IngestCounts } from "../ingest/public.js";
import type { Store } from "../store/open-store.js";
import type { PushMapping } from "./payload.js";

export type PushReport = IngestCounts & { skipped?: string };

/** The body as JSON; `input.invalid_utf8` or `input.invalid_json` otherwise. */
export function parseJsonBody(body: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AttuneError("input.invalid_utf8", {});
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AttuneError("input.invalid_json", {});
  }
}

/** Stores the mapped message (or nothing, for a skipped payload) and returns the counts. */
export async function ingestPushed(
  store: Store,
  src: { workspace_id: number },
  sourceName: string,
  kind: string,
  mapping: PushMapping,
  now?: () => number,
): Promise<PushReport> {
  if ("skip" in mapping) return { accepted: 0, duplicates: 0, conflicts: 0, rejected: 0, skipped: mapping.skip };
  const ing = await Ingestor.open(store, {
    workspaceId: src.workspace_id,
    source: sourceName,
    sourceKind: kind,
    origin: "webhook",
    ...(now ? { now } : {}),
  });
  await ing.add(1, mapping.message);
  const { accepted, duplicates, conflicts, rejected } = await ing.finish();
  return { accepted, duplicates, conflicts, rejected };
}
