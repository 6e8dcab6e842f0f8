import { describe, expect, it } from "vitest";
import { draftReplies } from "./draft-replies.js";
import { readMessage } from "./message-evidence.js";
import { cueSetFor, templatesFor } from "./respond-data.js";
import { makeReading } from "./test-reading.js";

const praiseReading = makeReading({
  sentiment: { label: "positive", score: 0.5, confidence: 0.6, evidence: [] },
  emotions: [{ label: "gratitude", score: 0.6, evidence: [] }],
  causes: [{ label: "delivery_or_wait", polarity: "positive", score: 0.5, evidence: [] }],
});

describe("message evidence beside the Reading", () => {
  it("reads a question, its subject, sarcasm and praise after a 'but' from the words", () => {
    const en = cueSetFor("en")!;
    expect(readMessage("do you ship to Ireland and how long does it take", en)).toMatchObject({
      question: true,
      questionTopic: "shipping",
    });
    expect(readMessage("2 hours on hold and then the line cut. brilliant 🙄", en).sarcasm).toBe(true);
    expect(readMessage("Delivery was late but the team were lovely", en).praiseAfterProblem).toBe(true);
    expect(readMessage("The sofa is lovely but it arrived late", en).praiseAfterProblem).toBe(false);
  });

  it("answers sarcastic thanks for a smashed parcel as a complaint, whatever the Reading's sign", () => {
    const text = "the courier threw my parcel over the fence and it arrived smashed. thanks a lot";
    const t = templatesFor("en")!;
    for (const d of draftReplies(praiseReading, {}, { message: text })) {
      expect(d.situation).toBe("complaint");
      expect(d.problem).toBe("damaged_item");
      expect(t.praise.thanks.some((s) => d.text.includes(s.split("{")[0]!))).toBe(false);
    }
  });

  it("answers a calm question read as a complaint as a question about its subject, with no apology", () => {
    const text = "is the store on High St open on sunday";
    const reading = makeReading({
      sentiment: { label: "neutral", score: 0, confidence: 0.5, evidence: [] },
      emotions: [{ label: "frustration", score: 0.3, evidence: [] }],
      causes: [{ label: "service_quality", polarity: "negative", score: 0.4, evidence: [] }],
      complaint: { is: true, severity: 2, evidence: [] },
    });
    const t = templatesFor("en")!;
    const [d] = draftReplies(reading, {}, { message: text });
    expect(d?.situation).toBe("question");
    expect(t.question_topic!.opening_hours!.some((s) => d!.text.includes(s))).toBe(true);
    expect(d?.text).not.toMatch(/sorry|apologi/i);
  });

  it("asserts no feeling where the Reading and the words disagree", () => {
    const text = "I ordered the blue kettle but you sent a red toaster. Can you sort this please?";
    const t = templatesFor("en")!;
    const feelings = Object.values(t.feeling).flat();
    for (const d of draftReplies(praiseReading, {}, { message: text })) {
      expect(d.problem).toBe("wrong_item");
      expect(feelings.some((f) => d.text.includes(f))).toBe(false);
    }
  });

  it("takes up a cancellation only when the customer asks for one", () => {
    const reading = makeReading({
      sentiment: { label: "negative", score: -0.5, confidence: 0.6, evidence: [] },
      causes: [{ label: "service_quality", polarity: "negative", score: 0.5, evidence: [] }],
      complaint: { is: true, severity: 2, evidence: [] },
      needs: [{ label: "cancellation", score: 0.8, evidence: [] }],
    });
    const t = templatesFor("en")!;
    const steps = t.step!.cancellation!;
    const ours = "My installation was cancelled by text the night before, with no new date.";
    const theirs = "This service is useless, please cancel my subscription.";
    expect(draftReplies(reading, {}, { message: ours }).some((d) => steps.some((s) => d.text.includes(s)))).toBe(false);
    expect(draftReplies(reading, {}, { message: theirs }).some((d) => steps.some((s) => d.text.includes(s)))).toBe(true);
  });

  it("never thanks an eye-roll as praise", () => {
    const text = "nice, the price went up the day after I bought it 🙃";
    const t = templatesFor("en")!;
    for (const d of draftReplies(praiseReading, {}, { message: text })) {
      expect(d.situation).not.toBe("praise");
      expect(t.praise.thanks.some((s) => d.text.includes(s.split("{")[0]!))).toBe(false);
    }
  });

  it("reads 'twice' as a double charge only where money is spoken of", () => {
    const reading = makeReading({
      sentiment: { label: "negative", score: -0.5, confidence: 0.6, evidence: [] },
      causes: [{ label: "delivery_or_wait", polarity: "negative", score: 0.5, evidence: [] }],
      complaint: { is: true, severity: 2, evidence: [] },
    });
    expect(draftReplies(reading, {}, { message: "Ordered twice, both times late. Never again." })[0]?.problem).not.toBe("double_charge");
    expect(draftReplies(reading, {}, { message: "You charged me twice for one order." })[0]?.problem).toBe("double_charge");
  });

  it("does not tell a customer who quotes their order number where to find it", () => {
    expect(readMessage("my order number is 77102, has it shipped yet?", cueSetFor("en")!).questionTopic).not.toBe("order_number");
    expect(readMessage("where do I find my order number", cueSetFor("en")!).questionTopic).toBe("order_number");
  });
});
