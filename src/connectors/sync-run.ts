/**
 * One sync of one pull connector: resume from its saved cursor, store each page through the
 * exactly-once ingestor (messages keyed by source + the helpdesk's id), then save the page's cursor.
 * The cursor is written only after its page is committed, so a crash (kill -9 included) between the
 * two replays that page, which the ingestor counts as duplicates: nothing lost, nothing stored twice.
 *
 * @example
 * const counts = await runSync(store, zendeskConnector(opts), { onProgress: (p) => console.error(p) });
 */
import { Ingestor, type IngestCounts } from "../ingest/public.js";
import { readCursor, saveCursor } from "../store/connector-cursors.js";
import { postedRefs } from "../store/helpdesk-outbox.js";
import type { Store } from "../store/open-store.js";
import type { PullConnector } from "./pull-connector.js";

export interface SyncProgress extends IngestCounts {
  pages: number;
  threads: number;
}

export interface SyncOptions {
  workspaceId?: number;
  /**
   * Where the cursor is kept (default: the connector's name, which `attune sync` uses). A stored
   * connector keeps its own (`connector:<id>`): two on one account must not resume from each other.
   */
  cursorKey?: string;
  onProgress?: (progress: Readonly<SyncProgress>) => void;
}

export async function runSync(store: Store, connector: PullConnector, options: SyncOptions = {}): Promise<IngestCounts> {
  const ws = options.workspaceId ?? store.workspaceId;
  const ingestor = await Ingestor.open(store, { workspaceId: ws, source: connector.name, sourceKind: connector.kind, origin: "connector" });
  const progress: SyncProgress = { ...ingestor.counts, pages: 0, threads: 0 };
  const cursorKey = options.cursorKey ?? connector.name;
  let row = 0;
  for await (const page of connector.pages(await readCursor(store.db, ws, cursorKey))) {
    // attune's own posted replies are already in the thread as attune's message: not stored twice.
    const ours = await postedRefs(
      store.db,
      connector.name,
      page.messages.map((m) => m.external_id),
    );
    for (const message of page.messages) if (!ours.has(message.external_id)) await ingestor.add(++row, message);
    await ingestor.flush();
    await saveCursor(store.db, ws, cursorKey, page.cursor);
    progress.pages += 1;
    progress.threads += page.threads;
    options.onProgress?.({ ...progress, ...ingestor.counts });
  }
  const { accepted, duplicates, conflicts, rejected } = await ingestor.finish();
  return { accepted, duplicates, conflicts, rejected };
}
