/**
 * Runs the store's migrations in order, on either dialect. Migrations live in code (not files found
 * at run time) so the compiled CLI and the tests run the same list.
 *
 * @example
 * await migrateToLatest(db, "sqlite");
 */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from "kysely";
import { AttuneError } from "../core/errors.js";
import type { DialectName } from "./dialect.js";
import { initial } from "./migrations/001-initial.js";
import { cases } from "./migrations/002-cases.js";
import { insightRollups } from "./migrations/003-insight-rollups.js";
import { pgRollups } from "./migrations/004-pg-rollups.js";
import { textSearch } from "./migrations/005-text-search.js";
import { triageQueue } from "./migrations/006-triage-queue.js";
import { mailOutbox } from "./migrations/010-mail-outbox.js";
import { helpdeskOutbox } from "./migrations/012-helpdesk-outbox.js";
import { webhookFormats } from "./migrations/013-webhook-formats.js";
import { employeePrivacy } from "./migrations/007-employee-privacy.js";
import { connectorCursors } from "./migrations/008-connector-cursors.js";
import { insightIndexes } from "./migrations/009-insight-indexes.js";
import { signInThrottle } from "./migrations/011-sign-in-throttle.js";
import { surveyFacts } from "./migrations/014-survey-facts.js";
import { connectorSettings } from "./migrations/015-connectors.js";
import { connectorRuns } from "./migrations/016-connector-runs.js";
import { surveyFactsOrder } from "./migrations/017-survey-facts-order.js";
import { caseReopens } from "./migrations/018-case-reopens.js";

/** Every migration, by name; names sort in the order they run. Append only. */
export function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    "001-initial": initial(dialect),
    "002-cases": cases(dialect),
    "003-insight-rollups": insightRollups(dialect),
    "004-pg-rollups": pgRollups(dialect),
    "005-text-search": textSearch(dialect),
    "006-triage-queue": triageQueue(dialect),
    "007-employee-privacy": employeePrivacy(dialect),
    "008-connector-cursors": connectorCursors(dialect),
    "009-insight-indexes": insightIndexes(),
    "010-mail-outbox": mailOutbox(dialect),
    "011-sign-in-throttle": signInThrottle(dialect),
    "012-helpdesk-outbox": helpdeskOutbox(dialect),
    "013-webhook-formats": webhookFormats(),
    "014-survey-facts": surveyFacts(dialect),
    "015-connectors": connectorSettings(dialect),
    "016-connector-runs": connectorRuns(dialect),
    "017-survey-facts-order": surveyFactsOrder(),
    "018-case-reopens": caseReopens(),
  };
}

export async function migrateToLatest(db: Kysely<any>, dialect: DialectName, schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // With a schema named, kysely looks for its own bookkeeping tables there only; otherwise it finds
  // them in any schema of the database (another test run's) and never creates them in ours.
  // Unordered: 004 and 005 were written side by side, and a store that ran 005 first must still
  // accept 004 later (they touch different objects).
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new AttuneError("store.unavailable", { migration: failed ?? "unknown" }, { cause: error });
  }
}
