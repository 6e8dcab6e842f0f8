/**
 * Cases (issue 5): cases with their SLA clocks, events, internal notes, checked replies and goodwill;
 * pending checks of unanswered questions; alerts with outgoing webhook subscriptions, deliveries and
 * a log of every delivery attempt. Same schema on SQLite and PostgreSQL. Everything hanging off a
 * thread or a person cascades, so erasing a person erases their cases too.
 *
 * @example
 * await cases("postgres").up(db);
 */
import { sql, type Kysely, type Migration } from "kysely";
import { col, type DialectName } from "../dialect.js";

export function cases(dialect: DialectName): Migration {
  const t = col(dialect);
  const idCol = (c: any) => (dialect === "sqlite" ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("cases")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("thread_id", t.ref, (c) => c.references("threads.id").onDelete("cascade"))
        .addColumn("person_id", t.ref, (c) => c.references("people.id").onDelete("cascade"))
        .addColumn("origin_message_id", t.ref, (c) => c.references("messages.id").onDelete("set null"))
        .addColumn("last_customer_message_id", t.ref, (c) => c.references("messages.id").onDelete("set null"))
        .addColumn("channel", "text", (c) => c.notNull())
        .addColumn("is_public", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("team_id", t.ref, (c) => c.references("teams.id").onDelete("set null"))
        .addColumn("assignee_user_id", t.ref, (c) => c.references("users.id").onDelete("set null"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("active", "integer", (c) => c.notNull())
        .addColumn("priority", "integer", (c) => c.notNull())
        .addColumn("priority_score", t.real, (c) => c.notNull())
        .addColumn("priority_explanation", "text", (c) => c.notNull())
        .addColumn("reasons", "text", (c) => c.notNull())
        .addColumn("cause", "text")
        .addColumn("emotion", "text")
        .addColumn("language", "text")
        .addColumn("customer_value", t.real)
        .addColumn("contacts", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("waiting_since", t.time)
        .addColumn("open_sentiment", t.real, (c) => c.notNull())
        .addColumn("opened_at", t.time, (c) => c.notNull())
        .addColumn("updated_at", t.time, (c) => c.notNull())
        .addColumn("first_response_at", t.time)
        .addColumn("resolved_at", t.time)
        .addColumn("closed_at", t.time)
        .addColumn("sort_due", t.time, (c) => c.notNull())
        .addColumn("next_check_at", t.time)
        .addColumn("breached", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("follow_up_at", t.time)
        .addColumn("follow_up_fired_at", t.time)
        .addColumn("follow_up_done_at", t.time)
        .addColumn("recovered", "integer")
        .addColumn("recovery_message_id", t.ref, (c) => c.references("messages.id").onDelete("set null"))
        .addColumn("recovery_checked_at", t.time)
        .execute();
      // The queue: active cases by priority, then due time; the same order within a team or an agent.
      await sql`create index cases_queue on cases (workspace_id, priority, sort_due, id) where active = 1`.execute(db);
      await sql`create index cases_queue_team on cases (workspace_id, team_id, priority, sort_due, id) where active = 1`.execute(db);
      await sql`create index cases_queue_assignee on cases (workspace_id, assignee_user_id, priority, sort_due, id) where active = 1`.execute(
        db,
      );
      await db.schema
        .createIndex("cases_ws_status")
        .on("cases")
        .columns(["workspace_id", "status", "priority", "sort_due", "id"])
        .execute();
      // At most one case in work per thread: new messages update it instead of opening another.
      await sql`create unique index cases_open_thread on cases (thread_id) where active = 1`.execute(db);
      await sql`create index cases_next_check on cases (next_check_at) where next_check_at is not null`.execute(db);
      await db.schema.createIndex("cases_person").on("cases").columns(["person_id", "resolved_at"]).execute();
      await db.schema.createIndex("cases_thread").on("cases").column("thread_id").execute();

      await db.schema
        .createTable("case_clocks")
        .addColumn("case_id", t.ref, (c) => c.notNull().references("cases.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("target_minutes", t.real, (c) => c.notNull())
        .addColumn("started_at", t.time, (c) => c.notNull())
        .addColumn("stopped_at", t.time)
        .addColumn("pauses", "text", (c) => c.notNull().defaultTo("[]"))
        .addColumn("due_at", t.time)
        .addColumn("warn_at", t.time)
        .addColumn("warned_at", t.time)
        .addColumn("breached_at", t.time)
        .addPrimaryKeyConstraint("case_clocks_pk", ["case_id", "kind"])
        .execute();

      await db.schema
        .createTable("case_events")
        .addColumn("id", t.id, idCol)
        .addColumn("case_id", t.ref, (c) => c.notNull().references("cases.id").onDelete("cascade"))
        .addColumn("at", t.time, (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", t.ref)
        .addColumn("details", "text")
        .execute();
      await db.schema.createIndex("case_events_case").on("case_events").columns(["case_id", "at"]).execute();

      await db.schema
        .createTable("case_notes")
        .addColumn("id", t.id, idCol)
        .addColumn("case_id", t.ref, (c) => c.notNull().references("cases.id").onDelete("cascade"))
        .addColumn("at", t.time, (c) => c.notNull())
        .addColumn("author_kind", "text", (c) => c.notNull())
        .addColumn("author_id", t.ref)
        .addColumn("text", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("case_notes_case").on("case_notes").columns(["case_id", "at"]).execute();

      await db.schema
        .createTable("case_replies")
        .addColumn("id", t.id, idCol)
        .addColumn("case_id", t.ref, (c) => c.notNull().references("cases.id").onDelete("cascade"))
        .addColumn("message_id", t.ref, (c) => c.notNull().unique().references("messages.id").onDelete("cascade"))
        .addColumn("answers_message_id", t.ref, (c) => c.references("messages.id").onDelete("set null"))
        .addColumn("checked_at", t.time, (c) => c.notNull())
        .addColumn("score", t.real, (c) => c.notNull())
        .addColumn("criteria", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("case_replies_case").on("case_replies").column("case_id").execute();

      await db.schema
        .createTable("case_goodwill")
        .addColumn("id", t.id, idCol)
        .addColumn("case_id", t.ref, (c) => c.notNull().references("cases.id").onDelete("cascade"))
        .addColumn("at", t.time, (c) => c.notNull())
        .addColumn("amount", t.real, (c) => c.notNull())
        .addColumn("currency", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("note", "text")
        .addColumn("actor_kind", "text", (c) => c.notNull())
        .addColumn("actor_id", t.ref)
        .execute();
      await db.schema.createIndex("case_goodwill_case").on("case_goodwill").column("case_id").execute();

      await db.schema
        .createTable("thread_checks")
        .addColumn("thread_id", t.ref, (c) => c.primaryKey().references("threads.id").onDelete("cascade"))
        .addColumn("workspace_id", t.ref, (c) => c.notNull())
        .addColumn("message_id", t.ref, (c) => c.notNull().references("messages.id").onDelete("cascade"))
        .addColumn("due_at", t.time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("thread_checks_due").on("thread_checks").column("due_at").execute();

      await db.schema
        .createTable("alerts")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("severity", "text", (c) => c.notNull())
        .addColumn("case_id", t.ref, (c) => c.references("cases.id").onDelete("cascade"))
        .addColumn("channel", "text")
        .addColumn("label", "text")
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("details", "text", (c) => c.notNull())
        .addColumn("dedupe_key", "text", (c) => c.notNull())
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("acknowledged_at", t.time)
        .addUniqueConstraint("alerts_dedupe", ["workspace_id", "dedupe_key"])
        .execute();
      await db.schema.createIndex("alerts_ws_created").on("alerts").columns(["workspace_id", "created_at", "id"]).execute();

      await db.schema
        .createTable("webhook_subscriptions")
        .addColumn("id", t.id, idCol)
        .addColumn("workspace_id", t.ref, (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("kinds", "text", (c) => c.notNull())
        .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
        .addColumn("created_at", t.time, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("alert_deliveries")
        .addColumn("id", t.id, idCol)
        .addColumn("alert_id", t.ref, (c) => c.notNull().references("alerts.id").onDelete("cascade"))
        .addColumn("subscription_id", t.ref, (c) => c.notNull().references("webhook_subscriptions.id").onDelete("cascade"))
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", t.time)
        .addColumn("last_status_code", "integer")
        .addColumn("last_error", "text")
        .addColumn("created_at", t.time, (c) => c.notNull())
        .addColumn("delivered_at", t.time)
        .addUniqueConstraint("alert_deliveries_once", ["alert_id", "subscription_id"])
        .execute();
      await sql`create index alert_deliveries_due on alert_deliveries (next_attempt_at) where status = 'pending'`.execute(db);

      await db.schema
        .createTable("alert_delivery_attempts")
        .addColumn("id", t.id, idCol)
        .addColumn("delivery_id", t.ref, (c) => c.notNull().references("alert_deliveries.id").onDelete("cascade"))
        .addColumn("at", t.time, (c) => c.notNull())
        .addColumn("status_code", "integer")
        .addColumn("error", "text")
        .addColumn("duration_ms", t.real, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("alert_delivery_attempts_delivery")
        .on("alert_delivery_attempts")
        .columns(["delivery_id", "at"])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        "alert_delivery_attempts",
        "alert_deliveries",
        "webhook_subscriptions",
        "alerts",
        "thread_checks",
        "case_goodwill",
        "case_replies",
        "case_notes",
        "case_events",
        "case_clocks",
        "cases",
      ]) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  };
}
