import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// `attune reply` and `attune check` as a user runs them: JSON Lines in, one JSON line out per input.
// `--no-models` keeps these tests about the commands, not about model files others may be retraining.
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function attune(args: string[], input: string): { code: number | null; lines: Record<string, unknown>[]; stderr: string } {
  const res = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/main.ts"), ...args], {
    cwd: root,
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  const lines = res.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: res.status, lines, stderr: res.stderr };
}

describe("attune reply", () => {
  it("writes drafts per input line, in order, with the id echoed", () => {
    const input = [
      { id: "a", message: "My parcel is two weeks late and nobody answers my emails!", customer_name: "Dana", agent_name: "Sam" },
      { id: "b", message: "พัสดุยังไม่มาเลยค่ะ รอมาสองอาทิตย์แล้ว", agent_gender: "male" },
      { id: "c", message: "Objednávka stále nedorazila, čekám už 10 dní.", public: true },
    ]
      .map((x) => JSON.stringify(x))
      .join("\n");
    const { code, lines } = attune(["reply", "--no-models", "--count", "2"], `${input}\n`);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(["a", "b", "c"]);
    const drafts = lines.map((l) => l.drafts as { text: string; language: string; public: boolean }[]);
    for (const d of drafts) expect(d).toHaveLength(2);
    expect(drafts[0]![0]!.text).toMatch(/Dana/);
    expect(drafts[0]![0]!.text).toMatch(/Sam$/);
    expect(drafts[1]![0]!.language).toBe("th");
    expect(drafts[1]![0]!.text).toMatch(/ครับ/);
    expect(drafts[2]![0]!.language).toBe("cs");
    expect(drafts[2]![0]!.public).toBe(true);
  });

  it("reports a bad line as an error line and goes on", () => {
    const { code, lines } = attune(["reply", "--no-models"], `{"id":"x","message":"Where is my order?"}\nnot json\n{"id":"y"}\n`);
    expect(code).toBe(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]!.drafts).toBeDefined();
    expect((lines[1]!.error as { code: string }).code).toBe("input.invalid_json");
    expect((lines[2]!.error as { code: string }).code).toBe("input.missing_field");
    expect(JSON.stringify(lines[1])).not.toContain("not json");
  });
});

describe("attune check", () => {
  it("scores each reply with a verdict, evidence and suggestion per criterion", () => {
    const message = "I was charged twice this month. Please fix this.";
    const input = [
      {
        id: "good",
        message,
        reply:
          "Hi, I'm sorry you were charged twice; that's frustrating. I've refunded the extra charge and you'll see it within 3 days. I'll email you the confirmation today.",
      },
      { id: "poor", message, reply: "You must have clicked twice. Please check your own payments." },
    ]
      .map((x) => JSON.stringify(x))
      .join("\n");
    const { code, lines } = attune(["check", "--no-models"], `${input}\n`);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(["good", "poor"]);
    const [good, poor] = lines as {
      score: number;
      criteria: { name: string; verdict: string; evidence: unknown[]; suggestion: string }[];
    }[];
    expect(good!.score).toBeGreaterThan(poor!.score);
    expect(good!.criteria).toHaveLength(10);
    for (const c of good!.criteria) expect(Object.keys(c).sort()).toEqual(["evidence", "name", "suggestion", "verdict"]);
    const respectful = poor!.criteria.find((c) => c.name === "respectful")!;
    expect(respectful.verdict).toBe("missed");
    expect(respectful.suggestion.length).toBeGreaterThan(0);
  });
});

describe("attune reply --llm-url", () => {
  it("keeps a model's rewrite only when it stays in the language and is no less empathetic", async () => {
    let answer = "";
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ choices: [{ message: { content: answer } }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const run = (input: string) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [
            "--import",
            "tsx",
            join(root, "src/cli/main.ts"),
            "reply",
            "--no-models",
            "--count",
            "1",
            "--llm-url",
            url,
            "--llm-model",
            "fake",
          ],
          { cwd: root },
        );
        let out = "";
        child.stdout.on("data", (c: Buffer) => (out += c.toString()));
        child.on("error", reject);
        child.on("close", () =>
          resolve(
            out
              .split("\n")
              .filter((l) => l.trim() !== "")
              .map((l) => JSON.parse(l) as Record<string, unknown>),
          ),
        );
        child.stdin.end(input);
      });
    try {
      const input = `${JSON.stringify({ id: "1", message: "My parcel is two weeks late and nobody answers my emails!", customer_name: "Dana", agent_name: "Sam" })}\n`;
      answer =
        "Hi Dana,\n\nI can see how frustrating two weeks of waiting for your parcel is, and that's completely understandable. I'm sorry nobody answered your emails. I'm taking this on myself: I've asked the courier for an urgent trace, and I will email you the tracking update within 24 hours.\n\nThank you for your patience,\nSam";
      const [kept] = await run(input);
      const [d] = kept!.drafts as { text: string; rewritten: boolean }[];
      expect(d!.rewritten).toBe(true);
      expect(d!.text).toBe(answer);
      answer = "Hola Dana, lo sentimos mucho por la demora. Saludos, Sam";
      const [rejected] = await run(input);
      const [r] = rejected!.drafts as { text: string; rewritten: boolean }[];
      expect(r!.rewritten).toBe(false);
      expect(r!.text).toMatch(/^(Hi|Hello|Dear) Dana,/);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    // Two CLI processes through tsx: well over 30 s on a busy 2-core machine.
  }, 180_000);
});
