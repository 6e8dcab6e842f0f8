/**
 * Sign-in throttle entries shared by every server process (issue 11, item 16): with
 * `serve --processes N`, counts kept in each process's memory let a guesser try N times as often.
 * Keys are hashes of the account and client, so no address or e-mail is stored here.
 *
 * @example
 * await signInThrottle("postgres").up(db);
 */
import type { Kysely, Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function signInThrottle(dialect: DialectName): Migration {
  const t = col(dialect);
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("sign_in_throttle")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("count", t.real, (c) => c.notNull())
        .addColumn("until", t.time, (c) => c.notNull())
        .addColumn("at", t.time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sign_in_throttle_at").on("sign_in_throttle").column("at").execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("sign_in_throttle").ifExists().execute();
    },
  };
}
