/**
 * Makes every insert into a table fail, on either database, with a real trigger (a write that
 * fails inside the store as a full disk or a dropped connection would), and takes it away again.
 *
 * @example
 * const heal = await failInserts(store, "readings");
 * await heal();
 */
import { sql } from "kysely";
import type { Store } from "../../src/store/open-store.js";

export async function failInserts(store: Store, table: string): Promise<() => Promise<void>> {
  const name = `fail_${table}`;
  if (store.dialect === "sqlite") {
    await sql
      .raw(`create trigger ${name} before insert on ${table} begin select raise(abort, 'injected write failure'); end`)
      .execute(store.db);
  } else {
    await sql
      .raw(
        `create or replace function ${name}() returns trigger language plpgsql as $$ begin raise exception 'injected write failure'; end $$`,
      )
      .execute(store.db);
    await sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`).execute(store.db);
  }
  return async () => {
    await sql.raw(`drop trigger ${name}${store.dialect === "postgres" ? ` on ${table}` : ""}`).execute(store.db);
  };
}
