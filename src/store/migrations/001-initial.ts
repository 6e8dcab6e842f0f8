/**
 * The first schema: every table of the store, identical on SQLite and PostgreSQL. Foreign keys that
 * hang off a person or a message cascade, so erasing a person removes everything derived from them.
 *
 * @example
 * await initial("sqlite").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";
import { ROLE_DESCRIPTIONS, ROLE_SCOPES, ROLES } from "../roles.js";

export function initial(dialect: DialectName): Migration {
  const t = col(dialect);
  const idCol = (c: any) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("workspaces")
        .addColumn("id", t.id, idCol)
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("salt", "text", (c) => c.notNull())
        .addColumn("created_at", t.time, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("sources")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("webhook_secret", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addUniqueConstraint("sources_workspace_name", ["workspace_id", "name"])
        .execute();

      await db.schema
        .createTable("teams")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addUniqueConstraint("teams_workspace_name", ["workspace_id", "name"])
        .execute();

      await db.schema
        .createTable("people")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("display_name", "text")
        .addColumn("email", "text")
        .addColumn("phone", "text")
        .addColumn("team_id", t.ref, (c) => c.references("teams.id").onDelete("set null"))
        .addColumn("audience", t.time)
        .addColumn("attributes", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addUniqueConstraint("people_workspace_key", ["workspace_id", "key"])
        .execute();

      await db.schema
        .createTable("threads")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("source_id", t.ref, (c) => c.notNull().references("sources.id").onDelete("cascade"))
        .addColumn("external_id", "text", (c) => c.notNull())
        .addColumn("subject", "text")
        .addColumn("channel", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("last_message_at", t.time, (c) => c.notNull())
        .addUniqueConstraint("threads_source_external", ["source_id", "external_id"])
        .execute();

      await db.schema
        .createTable("messages")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("source_id", t.ref, (c) => c.notNull().references("sources.id").onDelete("cascade"))
        .addColumn("external_id", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("thread_id", t.ref, (c) => c.references("threads.id").onDelete("cascade"))
        .addColumn("person_id", t.ref, (c) => c.references("people.id").onDelete("cascade"))
        .addColumn("team_id", t.ref, (c) => c.references("teams.id").onDelete("set null"))
        .addColumn("direction", "text", (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("audience", t.time)
        .addColumn("subject", "text")
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("language_hint", "text")
        .addColumn("sent_at", t.time, (c) => c.notNull())
        .addColumn("received_at", t.time, (c) => c.notNull())
        .addUniqueConstraint("messages_source_external", ["source_id", "external_id"])
        .execute();
      await db.schema.createIndex("messages_ws_sent").on("messages").columns(["workspace_id", "sent_at", "id"]).execute();
      await db.schema.createIndex("messages_thread").on("messages").columns(["thread_id", "sent_at"]).execute();
      await db.schema.createIndex("messages_person").on("messages").column("person_id").execute();

      await db.schema
        .createTable("readings")
        .addColumn("message_id", t.ref, (c) => c.primaryKey().references("messages.id").onDelete("cascade"))
        .addColumn("workspace_id", t.ref, (c) => c.notNull())
        .addColumn("sent_at", t.time, (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("direction", "text", (c) => c.notNull())
        .addColumn("team_id", t.ref)
        .addColumn("language", "text", (c) => c.notNull())
        .addColumn("sentiment", "text", (c) => c.notNull())
        .addColumn("sentiment_score", t.real, (c) => c.notNull())
        .addColumn("top_emotion", "text")
        .addColumn("complaint_severity", "integer", (c) => c.notNull())
        .addColumn("urgency", t.real, (c) => c.notNull())
        .addColumn("reach", t.real, (c) => c.notNull())
        .addColumn("intensity", t.real, (c) => c.notNull())
        .addColumn("stage", "text", (c) => c.notNull())
        .addColumn("pipeline_version", "text", (c) => c.notNull())
        .addColumn("reading", "text", (c) => c.notNull())
        .addColumn("read_at", t.time, (c) => c.notNull())
        .execute();
      // Covering indexes for the aggregates (issue 6). Message lists walk messages by time and probe
      // readings by primary key, so the reading columns need no index of their own: each extra index
      // costs every write of the worker, and a selective-looking one (sentiment) tempts the planner
      // into sorting hundreds of thousands of rows.
      for (const [name, cols] of [
        ["readings_ws_sent", ["workspace_id", "sent_at", "direction", "channel", "language", "sentiment"]],
        ["readings_ws_lang", ["workspace_id", "language", "sentiment", "direction", "sent_at", "channel"]],
        ["readings_ws_channel", ["workspace_id", "channel", "sentiment", "direction", "sent_at", "language"]],
      ] as const) {
        await db.schema
          .createIndex(name)
          .on("readings")
          .columns([...cols])
          .execute();
      }

      await db.schema
        .createTable("reading_labels")
        .addColumn("message_id", t.ref, (c) => c.notNull().references("messages.id").onDelete("cascade"))
        .addColumn("workspace_id", t.ref, (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("label", "text", (c) => c.notNull())
        .addColumn("polarity", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("score", t.real, (c) => c.notNull())
        .addColumn("sent_at", t.time, (c) => c.notNull())
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("direction", "text", (c) => c.notNull())
        .addColumn("language", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("reading_labels_pk", ["message_id", "kind", "label", "polarity"])
        .execute();
      await db.schema
        .createIndex("reading_labels_ws_kind")
        .on("reading_labels")
        .columns(["workspace_id", "kind", "sent_at", "label", "polarity", "direction", "channel", "language"])
        .execute();

      await db.schema
        .createTable("reading_queue")
        .addColumn("message_id", t.ref, (c) => c.primaryKey().references("messages.id").onDelete("cascade"))
        .addColumn("enqueued_at", t.time, (c) => c.notNull())
        .addColumn("claimed_by", "text")
        .addColumn("claimed_until", t.time, (c) => c.notNull().defaultTo(0))
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("failed", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("reading_queue_claim").on("reading_queue").columns(["failed", "claimed_until", "message_id"]).execute();

      await db.schema
        .createTable("survey_answers")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("person_id", t.ref, (c) => c.references("people.id").onDelete("cascade"))
        .addColumn("thread_id", t.ref, (c) => c.references("threads.id").onDelete("cascade"))
        .addColumn("message_id", t.ref, (c) => c.references("messages.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("score", t.real, (c) => c.notNull())
        .addColumn("answered_at", t.time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("survey_answers_person").on("survey_answers").column("person_id").execute();
      await db.schema.createIndex("survey_answers_ws_kind").on("survey_answers").columns(["workspace_id", "kind", "answered_at"]).execute();

      await db.schema
        .createTable("roles")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .execute();
      await db
        .insertInto("roles")
        .values(ROLES.map((r) => ({ name: r, scopes: ROLE_SCOPES[r].join(" "), description: ROLE_DESCRIPTIONS[r] })))
        .execute();

      await db.schema
        .createTable("users")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text")
        .addColumn("role", "text", (c) => c.notNull().references("roles.name"))
        .addColumn("password_hash", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("disabled_at", t.time)
        .execute();

      await db.schema
        .createTable("api_keys")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("user_id", t.ref, (c) => c.references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("prefix", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .addColumn("role", "text", (c) => c.notNull().references("roles.name"))
        .addColumn("scopes", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("last_used_at", t.time)
        .addColumn("revoked_at", t.time)
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", t.id, idCol)
        .addColumn("user_id", t.ref, (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("csrf_hash", "text", (c) => c.notNull())
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("expires_at", t.time, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("audit_log")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull())
        .addColumn("at", t.time, (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", t.ref)
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_kind", "text")
        .addColumn("target_id", "text")
        .addColumn("details", "text")
        .execute();
      await db.schema.createIndex("audit_log_ws_at").on("audit_log").columns(["workspace_id", "at"]).execute();

      await db.schema
        .createTable("quarantine")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("source_id", t.ref, (c) => c.references("sources.id").onDelete("cascade"))
        .addColumn("received_at", t.time, (c) => c.notNull())
        .addColumn("origin", "text", (c) => c.notNull())
        .addColumn("row", "integer", (c) => c.notNull())
        .addColumn("field", "text")
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("raw", "text")
        .addColumn("author_key", "text")
        .execute();
      await db.schema.createIndex("quarantine_author").on("quarantine").column("author_key").execute();

      await db.schema
        .createTable("webhook_receipts")
        .addColumn("signature_id", "text", (c) => c.primaryKey())
        .addColumn("received_at", t.time, (c) => c.notNull())
        .addColumn("expires_at", t.time, (c) => c.notNull())
        .execute();

      await sql`insert into workspaces (name, salt, created_at) values ('default', ${randomSalt()}, ${Date.now()})`.execute(db);
    },
    async down(db: Kysely<any>) {
      for (const table of [
        "webhook_receipts",
        "quarantine",
        "audit_log",
        "sessions",
        "api_keys",
        "users",
        "roles",
        "survey_answers",
        "reading_queue",
        "reading_labels",
        "readings",
        "messages",
        "threads",
        "people",
        "teams",
        "sources",
        "workspaces",
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}

function randomSalt(): string {
  return globalThis.crypto.getRandomValues(new Uint8Array(32)).reduce((s, b) => s + b.toString(16).padStart(2, "0"), "");
}
