import { describe, expect, it } from "vitest";
import type { MessageToRead, ThreadHistory } from "../store/reading-batch.js";
import { contextOf } from "./reading-context.js";

const base: MessageToRead = {
  id: 50,
  workspace_id: 1,
  text: "still nothing",
  channel: "social",
  is_public: 1,
  audience: 1200,
  direction: "customer",
  language_hint: "th",
  thread_id: 3,
  sent_at: 1000,
  team_id: null,
};

describe("contextOf (no database)", () => {
  it("carries the ten latest earlier customer messages of the thread, not the message itself or later ones", () => {
    const earlier = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, sent_at: 100 + i, text: `m${i + 1}` }));
    const threads: ThreadHistory = new Map([
      [
        3,
        [
          ...earlier,
          { id: 49, sent_at: 1000, text: "same instant, lower id" },
          { id: 50, sent_at: 1000, text: "itself" },
          { id: 51, sent_at: 1000, text: "after" },
        ],
      ],
    ]);
    const ctx = contextOf(base, threads);
    expect(ctx.thread).toEqual(["m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "same instant, lower id"]);
    expect(ctx).toMatchObject({ channel: "social", public: true, direction: "customer", audience: 1200, languageHint: "th" });
  });

  it("leaves out what the message does not have", () => {
    const ctx = contextOf({ ...base, thread_id: null, audience: null, language_hint: null, is_public: 0 }, new Map());
    expect(ctx).toEqual({ channel: "social", public: false, direction: "customer" });
  });
});
