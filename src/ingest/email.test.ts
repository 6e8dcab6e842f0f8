import { describe, expect, it } from "vitest";
import { bodyText, EmailThreads, idsIn } from "./email.js";

describe("email threading", () => {
  it("reads the ids of Message-ID, In-Reply-To and References headers", () => {
    expect(idsIn("<a@x>")).toEqual(["a@x"]);
    expect(idsIn(" <a@x>\r\n\t<b@y> <c@z>")).toEqual(["a@x", "b@y", "c@z"]);
    expect(idsIn("bare@id")).toEqual(["bare@id"]);
    expect(idsIn("")).toEqual([]);
  });

  it("puts a reply in the thread of the message it answers, else the thread its root names", () => {
    const t = new EmailThreads();
    expect(t.resolve("r1", [])).toBe("r1");
    expect(t.resolve("r2", ["r1"])).toBe("r1");
    // A reply to a reply whose References lost the root still joins through its parent.
    expect(t.resolve("r3", ["r2"])).toBe("r1");
    // Unknown parent: the oldest reference (last in nearest-first order) names the thread.
    expect(t.resolve("x3", ["x2", "x1"])).toBe("x1");
  });

  it("keeps the new text of a reply, not the quoted earlier messages", () => {
    expect(bodyText("Thanks, it works now.\n\nOn Mon, 2 Mar 2026 Shop wrote:\n> Try again", undefined)).toBe("Thanks, it works now.");
    expect(bodyText(undefined, "<p>Hello &amp; welcome</p><script>x</script><div>Bye</div>")).toBe("Hello & welcome\nBye");
  });

  it("handles 100 KB of angle brackets in a few milliseconds", () => {
    const evil = "<".repeat(50_000) + "a".repeat(50_000);
    const t0 = performance.now();
    idsIn(evil);
    bodyText(undefined, evil);
    expect(performance.now() - t0).toBeLessThan(50);
  });
});
