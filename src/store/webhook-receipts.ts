/**
 * Signatures of webhook posts already taken, kept until the post could no longer be replayed (its
 * timestamp left the accepted window), so a captured request sent again is refused.
 *
 * @example
 * if (!(await recordReceipt(store.db, { signatureId, receivedAt: now, expiresAt }))) throw new AttuneError("webhook.replay", {});
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Records a signature; false when it was recorded before (a replay). */
export async function recordReceipt(
  db: Kysely<Database>,
  r: { signatureId: string; receivedAt: number; expiresAt: number },
): Promise<boolean> {
  const fresh = await db
    .insertInto("webhook_receipts")
    .values({ signature_id: r.signatureId, received_at: r.receivedAt, expires_at: r.expiresAt })
    .onConflict((oc) => oc.column("signature_id").doNothing())
    .returning("signature_id")
    .executeTakeFirst();
  return fresh !== undefined;
}

/** Forgets signatures that can no longer be replayed. */
export async function pruneReceipts(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom("webhook_receipts").where("expires_at", "<", now).execute();
}
