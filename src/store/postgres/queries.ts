/** PostgreSQL's queries of `DialectQueries`, one file per concern (the same file set in sqlite/ and postgres/). */
import type { DialectQueries } from "../dialect.js";
import { claimQueued } from "./claim-queued.js";
import { later } from "./later.js";
import { lockKeys } from "./lock-keys.js";
import { readingsFirst, textPlan, whereText } from "./message-text.js";
import { joined } from "./joined.js";
import { surveyFactsFrom, surveyFactsRead } from "./survey-facts-from.js";
import { writeTransaction } from "./write-transaction.js";

export const postgresQueries: DialectQueries = {
  name: "postgres",
  claimQueued,
  writeTransaction,
  joined,
  later,
  lockKeys,
  readingsFirst,
  textPlan,
  whereText,
  surveyFactsFrom,
  surveyFactsRead,
};
