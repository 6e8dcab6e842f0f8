/**
 * `attune cases [--db PATH | DATABASE_URL] [--status new,open] [--priority 1,2] [--team NAME|ID]
 * [--assignee ID|none] [--channel social] [--limit 30] [--json]`: the case queue in a terminal,
 * sorted like the API (priority, then SLA due time), with counts per priority on top.
 *
 * @example
 * await run(["--priority", "1,2", "--limit", "20"]);
 */
import { readConfig, type Config } from "../core/config.js";
import { listQueue, queueCounts, type QueueFilter } from "../cases/case-queue.js";
import { CASE_STATUSES, type CaseRow, type CaseStatus } from "../store/schema.js";
import { NO_DUE } from "../store/cases.js";
import { systemClock } from "../cases/clock.js";
import { openStore, storeOptionsFrom } from "../store/open-store.js";
import { findTeam, teamNames } from "../store/teams.js";
import { parseCommand, usageError } from "./parse-command.js";

export const USAGE =
  "attune cases [--db PATH] [--status new,open,waiting] [--priority 1,2] [--team NAME|ID] [--assignee ID|none] [--channel email,social] [--limit 30] [--json]";

/** "in 12m", "3h 5m late": due times the way an agent reads them. */
export function relativeDue(due: number, now: number): string {
  if (due >= NO_DUE) return "paused";
  const mins = Math.round((due - now) / 60_000);
  const abs = Math.abs(mins);
  const text = abs >= 48 * 60 ? `${Math.round(abs / 1440)}d` : abs >= 60 ? `${Math.floor(abs / 60)}h ${abs % 60}m` : `${abs}m`;
  return mins >= 0 ? `in ${text}` : `${text} late`;
}

function cut(s: string, n: number): string {
  return s.length <= n ? s.padEnd(n) : `${s.slice(0, Math.max(0, n - 1))}…`;
}

/** The queue as text lines that fit `width` columns. */
export function formatQueue(
  rows: CaseRow[],
  teams: Map<number, string>,
  counts: Record<string, number>,
  now: number,
  width: number,
  color: boolean,
): string[] {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines = [
    `in work: ${Object.entries(counts)
      .map(([p, n]) => `${p} ${n}`)
      .join("  ")}`,
    "",
  ];
  const head = `${"ID".padStart(7)}  P   ${cut("STATUS", 8)} ${cut("DUE", 12)} ${cut("CHANNEL", 8)} ${cut("TEAM", 12)} ${cut("AGENT", 6)} WHY`;
  lines.push(paint("1", head));
  const fixed = head.length - 3;
  for (const r of rows) {
    const due = relativeDue(r.sort_due, now);
    const late = due.endsWith("late");
    const p = `P${r.priority}`;
    const line = [
      String(r.id).padStart(7),
      " ",
      r.priority === 1 ? paint("31;1", p) : r.priority === 2 ? paint("33", p) : p,
      "  ",
      cut(r.status, 8),
      " ",
      late ? paint("31", cut(due, 12)) : cut(due, 12),
      " ",
      cut(r.channel + (r.is_public ? "*" : ""), 8),
      " ",
      cut(r.team_id !== null ? (teams.get(r.team_id) ?? String(r.team_id)) : "-", 12),
      " ",
      cut(r.assignee_user_id !== null ? String(r.assignee_user_id) : "-", 6),
      " ",
      cut(r.priority_explanation.replace(/^P\d: /, ""), Math.max(20, width - fixed)).trimEnd(),
    ].join("");
    lines.push(line);
  }
  if (!rows.length) lines.push("(no cases)");
  return lines;
}

type Flags = {
  db?: string | undefined;
  status?: string | undefined;
  priority?: string | undefined;
  team?: string | undefined;
  assignee?: string | undefined;
  channel?: string | undefined;
  limit: string;
  json: boolean;
};

/** The queue filter the flags ask for, or the exit code of a usage error (printed). */
function queueFilter(v: Flags): number | Omit<QueueFilter, "workspaceId"> {
  const limit = Number(v.limit);
  const statuses = v.status?.split(",").map((s) => s.trim());
  const priorities = v.priority?.split(",").map((s) => Number(s.trim().replace(/^P/i, "")));
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return usageError(USAGE, { flag: "--limit", expected: "1..1000" });
  if (statuses && !statuses.every((s) => (CASE_STATUSES as readonly string[]).includes(s)))
    return usageError(USAGE, { flag: "--status", allowed: CASE_STATUSES });
  if (priorities && !priorities.every((p) => Number.isInteger(p) && p >= 1 && p <= 4))
    return usageError(USAGE, { flag: "--priority", expected: "1..4" });
  if (v.assignee !== undefined && v.assignee !== "none" && !/^\d+$/.test(v.assignee))
    return usageError(USAGE, { flag: "--assignee", expected: "user id or none" });
  return {
    limit,
    ...(statuses ? { statuses: statuses as CaseStatus[] } : {}),
    ...(priorities ? { priorities } : {}),
    ...(v.assignee !== undefined ? { assignee: v.assignee === "none" ? null : Number(v.assignee) } : {}),
    ...(v.channel ? { channels: v.channel.split(",").map((s) => s.trim()) } : {}),
  };
}

/** One JSON line per case (`--json`). */
function printJson(items: Awaited<ReturnType<typeof listQueue>>["items"]): void {
  for (const r of items) {
    process.stdout.write(
      `${JSON.stringify({ id: r.id, priority: r.priority, status: r.status, due_at: r.sort_due >= NO_DUE ? null : new Date(r.sort_due).toISOString(), channel: r.channel, team_id: r.team_id, assignee_user_id: r.assignee_user_id, explanation: r.priority_explanation, reasons: JSON.parse(r.reasons) })}\n`,
    );
  }
}

export async function run(argv: string[], config: Config = readConfig()): Promise<number> {
  const p = parseCommand(
    argv,
    {
      db: { type: "string" },
      status: { type: "string" },
      priority: { type: "string" },
      team: { type: "string" },
      assignee: { type: "string" },
      channel: { type: "string" },
      limit: { type: "string", default: "30" },
      json: { type: "boolean", default: false },
    },
    USAGE,
  );
  if (typeof p === "number") return p;
  const v = p.values;
  const filter = queueFilter(v);
  if (typeof filter === "number") return filter;
  const store = await openStore(storeOptionsFrom({ db: v.db }, config));
  try {
    const team = v.team === undefined ? undefined : await findTeam(store.db, store.workspaceId, v.team);
    if (v.team !== undefined && !team) {
      process.stderr.write(`attune cases: no team ${JSON.stringify(v.team)}\n`);
      return 2;
    }
    const page = await listQueue(store, { workspaceId: store.workspaceId, ...filter, ...(team ? { teamId: team.id } : {}) });
    const counts = await queueCounts(store, store.workspaceId);
    const now = systemClock.now();
    if (v.json) {
      printJson(page.items);
      return 0;
    }
    const teams = await teamNames(
      store.db,
      page.items.map((r) => r.team_id),
    );
    const color = process.stdout.isTTY === true && !config.noColor;
    const lines = formatQueue(page.items, teams, counts, now, process.stdout.columns ?? 120, color);
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
