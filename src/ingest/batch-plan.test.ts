import { describe, expect, it } from "vitest";
import {
  decideOutcomes,
  messagesOf,
  notInserted,
  peopleOf,
  teamNamesOf,
  threadsOf,
  type BatchContext,
  type Pending,
} from "./batch-plan.js";
import { contentHash } from "./content-hash.js";
import { MessageInput } from "./message-input.js";
import { personKey } from "./person-key.js";

const ctx: BatchContext = { workspaceId: 1, sourceId: 7, salt: "salt", now: 1_000_000, defaults: { direction: "customer" } };

function pending(row: number, raw: Record<string, unknown>, threadRefs?: string[]): Pending {
  const input = MessageInput.parse(raw);
  return { row, input, hash: contentHash(input), extras: threadRefs ? { threadRefs } : undefined };
}

describe("batch plan (no database)", () => {
  it("names each team once, from the row or its author", () => {
    const batch = [
      pending(1, { external_id: "a", text: "x", team: "Billing" }),
      pending(2, { external_id: "b", text: "y", author: { id: "ana", team: "Returns" } }),
      pending(3, { external_id: "c", text: "z", team: "Billing" }),
    ];
    expect(teamNamesOf(batch).sort()).toEqual(["Billing", "Returns"]);
  });

  it("describes an author by their first row and points them at their team", () => {
    const batch = [
      pending(1, { external_id: "a", text: "x", author: { id: "Ana", name: "Ana", team: "Billing" } }),
      pending(2, { external_id: "b", text: "y", author: { id: "ana", name: "Other" } }),
    ];
    const people = peopleOf(batch, ctx, new Map([["Billing", 4]]));
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      key: personKey("salt", "ana"),
      display_name: "Ana",
      team_id: 4,
      kind: "customer",
      created_at: ctx.now,
    });
  });

  it("threads a row by the message it refers to before its own key, and spans a key's first and last message", () => {
    const batch = [
      pending(1, { external_id: "a", text: "x", thread: "t1", sent_at: 500 }),
      pending(2, { external_id: "b", text: "y", thread: "t1", sent_at: 900 }),
      pending(3, { external_id: "c", text: "z", thread: "t2" }, ["gone", "m-1"]),
      pending(4, { external_id: "d", text: "w" }),
    ];
    const { rows, resolved } = threadsOf(batch, new Map([["m-1", 42]]), ctx);
    expect(rows).toEqual([
      { workspace_id: 1, source_id: 7, external_id: "t1", subject: null, channel: "email", created_at: 500, last_message_at: 900 },
    ]);
    expect(batch.map((p) => resolved.get(p))).toEqual(["t1", "t1", 42, null]);
    const msgs = messagesOf(batch, ctx, { teamIds: new Map(), personIds: new Map(), threadIds: new Map([["t1", 9]]), resolved });
    expect(msgs.map((m) => m.thread_id)).toEqual([9, 9, 42, null]);
    expect(msgs[3]).toMatchObject({ sent_at: ctx.now, received_at: ctx.now, is_public: 0, direction: "customer" });
  });

  it("accepts the first row of a new id, and tells duplicates from conflicts in the batch and the store", () => {
    const batch = [
      pending(1, { external_id: "new", text: "same", survey: { kind: "nps", score: 9 } }),
      pending(2, { external_id: "new", text: "same", survey: { kind: "nps", score: 9 } }),
      pending(3, { external_id: "new", text: "changed" }),
      pending(4, { external_id: "old", text: "stored" }),
      pending(5, { external_id: "old2", text: "edited" }),
    ];
    const rows = messagesOf(batch, ctx, { teamIds: new Map(), personIds: new Map(), threadIds: new Map(), resolved: new Map() });
    const inserted = new Map([["new", 11]]);
    expect(notInserted(batch, inserted)).toEqual(["old", "old2"]);
    const existing = new Map([
      ["old", { id: 5, hash: batch[3]!.hash }],
      ["old2", { id: 6, hash: "other" }],
    ]);
    const out = decideOutcomes(batch, rows, inserted, existing, ctx);
    expect(out.results.map((r) => [r.row, r.status, r.id])).toEqual([
      [1, "accepted", 11],
      [2, "duplicate", 11],
      [3, "conflict", undefined],
      [4, "duplicate", 5],
      [5, "conflict", undefined],
    ]);
    expect(out.queued).toEqual([11]);
    expect(out.surveys).toEqual([
      { workspace_id: 1, person_id: null, thread_id: null, message_id: 11, kind: "nps", score: 9, answered_at: ctx.now },
    ]);
    expect(out.conflicts.map((p) => p.row)).toEqual([3, 5]);
  });
});
