/**
 * The quarantine: rows ingest refused, kept with their problem so an admin can see what to fix.
 * `raw` is personal data and erased with its author (`author_key`).
 *
 * @example
 * await quarantineRows(trx, [{ workspace_id: 1, source_id: 2, received_at: now, origin: "import", row: 7, ... }]);
 */
import type { Insertable, Kysely } from "kysely";
import { chunks } from "./chunks.js";
import type { Database, QuarantineTable } from "./schema.js";

/** Stores refused rows. */
export async function quarantineRows(trx: Kysely<Database>, rows: readonly Insertable<QuarantineTable>[]): Promise<void> {
  for (const chunk of chunks(rows, 200)) await trx.insertInto("quarantine").values(chunk).execute();
}

/** A page of refused rows, oldest first, after the row `after` (without their author keys). */
export async function quarantinePage(db: Kysely<Database>, workspaceId: number, page: { after?: number | undefined; limit: number }) {
  let q = db
    .selectFrom("quarantine")
    .select(["id", "source_id", "received_at", "origin", "row", "field", "code", "raw"])
    .where("workspace_id", "=", workspaceId);
  if (page.after) q = q.where("id", ">", page.after);
  return q.orderBy("id").limit(page.limit).execute();
}
