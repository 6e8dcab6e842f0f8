/**
 * A text index for the message list's `text=` filter (issue 3), which is a case-insensitive
 * substring match in any language (Thai has no spaces between words, so word tokenizers cannot
 * serve it; trigrams can).
 *
 * SQLite: an FTS5 table with the trigram tokenizer over `messages.text` as external content (the
 * index holds no copy of the text), kept in step by triggers on every insert, update and delete of
 * messages, so ingest, erasure and cascades need not know about it. `detail=none` stores which
 * message holds which trigram and nothing else: the query re-checks every candidate with LIKE
 * anyway (see message-query.ts), so positions would only make the index several times larger and
 * every ingest commit slower. `secure-delete` makes a delete remove the message's entries from the
 * index pages instead of appending delete markers next to them, so erased text leaves no trigram
 * behind (with the connection's secure_delete pragma zeroing freed pages).
 *
 * PostgreSQL: pg_trgm's GIN index on `messages.text`, which ILIKE patterns use directly. The
 * extension is created once per database, in `public` (not in a test run's schema, whose drop would
 * otherwise take the extension and every other schema's index with it).
 *
 * @example
 * await textSearch("sqlite").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import type { DialectName } from "../dialect.js";

export function textSearch(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<any>) {
      const run = (q: string) => sql.raw(q).execute(db);
      if (dialect === "postgres") {
        await run(`create extension if not exists pg_trgm schema public`);
        const ext = await sql<{
          schema: string;
        }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db);
        const schema = ext.rows[0]!.schema;
        await run(`create index messages_text_trgm on messages using gin (text ${schema}.gin_trgm_ops)`);
        return;
      }
      await run(
        `create virtual table messages_fts using fts5(text, content = 'messages', content_rowid = 'id', tokenize = 'trigram case_sensitive 0', detail = none)`,
      );
      await run(`insert into messages_fts (messages_fts, rank) values ('secure-delete', 1)`);
      await run(`insert into messages_fts (messages_fts) values ('rebuild')`);
      const del = `insert into messages_fts (messages_fts, rowid, text) values ('delete', old.id, old.text);`;
      const ins = `insert into messages_fts (rowid, text) values (new.id, new.text);`;
      await run(`create trigger messages_fts_ins after insert on messages begin ${ins} end`);
      await run(`create trigger messages_fts_del after delete on messages begin ${del} end`);
      await run(`create trigger messages_fts_upd after update of id, text on messages begin ${del} ${ins} end`);
    },
    async down(db: Kysely<any>) {
      if (dialect === "postgres") {
        await sql`drop index if exists messages_text_trgm`.execute(db);
        return;
      }
      for (const t of ["messages_fts_ins", "messages_fts_del", "messages_fts_upd"])
        await sql.raw(`drop trigger if exists ${t}`).execute(db);
      await sql`drop table if exists messages_fts`.execute(db);
    },
  };
}
