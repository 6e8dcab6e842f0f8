import { describe, expect, it } from "vitest";
import type { Reading } from "../core/reading.js";
import { complaintReading, makeReading } from "../analysis/respond/test-reading.js";
import type { ReadMessage } from "../store/read-messages.js";
import type { CaseRow } from "../store/schema.js";
import { startClocks } from "./case-clocks.js";
import { DEFAULT_CASE_RULES, slaTargets } from "./case-rules.js";
import { ManualClock } from "./clock.js";
import { newCaseValues } from "./new-case.js";
import { computePriority } from "./priority.js";
import { decideTriage, type TriageWorld } from "./triage-decide.js";

const T0 = Date.UTC(2026, 2, 3, 9, 0); // a Tuesday morning
const ctx = { rules: DEFAULT_CASE_RULES, clock: new ManualClock(T0 + 3_600_000) };

function message(id: number, o: Partial<ReadMessage> & { reading: Reading }): ReadMessage {
  return {
    id,
    workspace_id: 1,
    thread_id: 9,
    person_id: 7,
    team_id: null,
    direction: "customer",
    channel: "email",
    is_public: 0,
    audience: null,
    sent_at: T0,
    text: "text",
    ...o,
  };
}

function world(o: Partial<TriageWorld> = {}): TriageWorld {
  return {
    cases: [],
    clocks: new Map(),
    teams: new Map(),
    contacts: new Map(),
    people: new Map(),
    recoveryCandidates: [],
    covered: { threads: new Set(), origins: new Set() },
    answered: new Map(),
    ...o,
  };
}

/** A stored case opened on `m` with id `id`. */
function storedCase(id: number, m: ReadMessage, o: Partial<CaseRow> = {}): CaseRow {
  const p = computePriority({ reading: m.reading, contacts: 1, waitingMinutes: 0 });
  return { ...newCaseValues(m, ["complaint (severity 3)"], p, undefined, 1, T0), id, ...o };
}

const complaint = complaintReading("The parcel never came and nobody answers.", "en", { cause: "delivery_or_wait" });

describe("triage decisions (no database)", () => {
  it("opens a case for a complaint under a temporary id, with both clocks, and takes over the thread's pending check", () => {
    const plan = decideTriage([message(100, { reading: complaint })], new Set(), world(), ctx);
    expect(plan.stats).toMatchObject({ messages: 1, opened: 1, updated: 0, customerMessages: 1 });
    expect(plan.cases).toHaveLength(1);
    const [c] = plan.cases;
    expect(c!.work.isNew).toBe(true);
    expect(c!.row.id).toBeLessThan(0);
    expect(c!.row.origin_message_id).toBe(100);
    expect(c!.clocks.map((k) => [k.kind, k.case_id])).toEqual([
      ["first_response", c!.row.id],
      ["resolution", c!.row.id],
    ]);
    expect(c!.row.next_check_at).not.toBeNull();
    expect(plan.events.map((e) => [e.caseId, e.kind])).toEqual([[c!.row.id, "opened"]]);
    expect(plan.checks.get(9)).toEqual({ deleteExisting: true });
  });

  it("stops the first-response clock on an agent reply and checks the reply against the customer message it answers", () => {
    const asked = message(100, { reading: complaint, text: "The parcel never came and nobody answers." });
    const open = storedCase(5, asked);
    const clocks = startClocks(5, slaTargets(DEFAULT_CASE_RULES, 2, "email"), T0);
    const reply = message(101, {
      direction: "agent",
      person_id: 3,
      sent_at: T0 + 600_000,
      reading: makeReading(),
      text: "I am sorry the parcel has not arrived. I have sent a new one today and you will have it tomorrow.",
    });
    const plan = decideTriage(
      [reply],
      new Set(),
      world({ cases: [open], clocks: new Map([[5, clocks]]), answered: new Map([[100, asked]]) }),
      ctx,
    );
    expect(plan.stats).toMatchObject({ messages: 1, repliesChecked: 1, customerMessages: 0 });
    const [c] = plan.cases;
    expect(c!.row).toMatchObject({ id: 5, status: "open", first_response_at: T0 + 600_000, waiting_since: null });
    expect(c!.clocks.find((k) => k.kind === "first_response")!.stopped_at).toBe(T0 + 600_000);
    expect(c!.clocks.find((k) => k.kind === "resolution")!.stopped_at).toBeNull();
    expect(plan.replies).toEqual([expect.objectContaining({ case_id: 5, message_id: 101, answers_message_id: 100 })]);
    expect(plan.events.map((e) => e.kind)).toEqual(["status", "agent_reply"]);
    expect(open.status).toBe("new"); // the loaded row is left as it was
  });

  it("starts one unanswered-question timer per thread, at the first question, in business time", () => {
    const neutral = makeReading();
    const rows = [
      message(100, { text: "When will my parcel come?", reading: neutral }),
      message(101, { text: "Can you tell me?", reading: neutral, sent_at: T0 + 60_000 }),
    ];
    const plan = decideTriage(rows, new Set(), world(), ctx);
    expect(plan.stats).toMatchObject({ opened: 0, questionsScheduled: 1, customerMessages: 2 });
    const check = plan.checks.get(9)!;
    expect(check.deleteExisting).toBe(false);
    expect(check.insert).toMatchObject({ messageId: 100, workspaceId: 1 });
    expect(check.insert!.dueAt).toBeGreaterThan(T0);
    expect(plan.cases).toEqual([]);
  });

  it("opens a case for a re-read message only in a thread that never had one", () => {
    const rows = [message(100, { reading: complaint, thread_id: 9 }), message(200, { reading: complaint, thread_id: 10 })];
    const plan = decideTriage(rows, new Set([100, 200]), world({ covered: { threads: new Set([9]), origins: new Set() } }), ctx);
    expect(plan.stats).toMatchObject({ opened: 1, customerMessages: 0 });
    expect(plan.cases.map((c) => c.row.thread_id)).toEqual([10]);
  });

  it("judges recovery on a later, happier message of the customer of a resolved case, without changing the loaded case", () => {
    const first = message(100, { reading: complaint, thread_id: 4 });
    const resolved = storedCase(5, first, { status: "resolved", active: 0, resolved_at: T0 - 86_400_000, open_sentiment: -0.7 });
    const happy = makeReading({ sentiment: { label: "positive", score: 0.6, confidence: 0.8, evidence: [] } });
    const plan = decideTriage(
      [message(300, { reading: happy, text: "All good now, thank you." })],
      new Set(),
      world({ recoveryCandidates: [resolved] }),
      ctx,
    );
    expect(plan.recoveries.get(5)).toEqual({ recovered: 1, messageId: 300 });
    expect(plan.stats.recoveryChecked).toBe(1);
    expect(resolved.recovered).toBeNull();
  });

  it("reopens a resolved case when its customer complains again, and counts the reopen on the case", () => {
    const first = message(100, { reading: complaint, thread_id: 4 });
    const resolved = storedCase(5, first, { status: "resolved", active: 0, resolved_at: T0 - 86_400_000, reopens: 1 });
    const clocks = startClocks(5, slaTargets(DEFAULT_CASE_RULES, 2, "email"), T0 - 2 * 86_400_000);
    const again = message(101, { reading: complaint, thread_id: 4, text: "Still no parcel." });
    const plan = decideTriage([again], new Set(), world({ cases: [resolved], clocks: new Map([[5, clocks]]) }), ctx);
    expect(plan.stats.reopened).toBe(1);
    expect(plan.cases[0]!.row).toMatchObject({ id: 5, status: "open", resolved_at: null, reopens: 2 });
    expect(resolved.reopens).toBe(1); // the loaded row is left as it was
  });

  it("raises a public-reach alert keyed by the message, on the case the post opens", () => {
    const loud = { ...complaint, reach: { score: 0.95, reasons: ["12k followers"] } };
    const plan = decideTriage([message(100, { reading: loud, is_public: 1, channel: "social" })], new Set(), world(), ctx);
    expect(plan.alerts).toEqual([
      expect.objectContaining({ kind: "public_reach", severity: "critical", caseId: plan.cases[0]!.row.id, dedupeKey: "reach:100" }),
    ]);
  });
});
