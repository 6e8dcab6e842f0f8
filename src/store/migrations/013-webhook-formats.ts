/**
 * The wire format of each alert webhook subscription (issue 16 item 5): "attune" (attune's signed
 * JSON, the default and what every earlier subscription keeps), "slack" (a Slack incoming webhook,
 * Block Kit) or "teams" (a Microsoft Teams incoming webhook, Adaptive Card).
 *
 * @example
 * await webhookFormats().up(db);
 */
import type { Kysely, Migration } from "kysely";

export function webhookFormats(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable("webhook_subscriptions")
        .addColumn("format", "text", (c) => c.notNull().defaultTo("attune"))
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable("webhook_subscriptions").dropColumn("format").execute();
    },
  };
}
