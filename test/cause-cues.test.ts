import { beforeAll, describe, expect, it } from "vitest";
import { createReader, type Reader } from "../src/analysis/read.js";

let reader: Reader;
beforeAll(async () => {
  reader = await createReader();
});

/** A message and the cause (with polarity) it must be read with. */
const CASES: [string, string][] = [
  ["every month I call and nothing happens, still no solution", "service_quality-"],
  ["volám každej tejden a nic se nestane, žádné řešení", "service_quality-"],
  ["โทรไปทุกอาทิตย์ ไม่มีอะไรคืบหน้าเลย", "service_quality-"],
  ["prati vaaram call chestunna, em jaragatledu", "service_quality-"],
  ["linggo-linggo akong tumatawag at walang nangyayari", "service_quality-"],
  ["the fridge is making a noise again and it's still broken", "product_quality-"],
  ["umiingay na naman yung ref, sira pa rin", "product_quality-"],
  ["third follow up on the invoice error", "price_or_billing-"],
  ["ตามเรื่องใบแจ้งหนี้ผิดเป็นรอบที่ 3", "price_or_billing-"],
];

describe("cause cues for service failures, product faults and bill errors (issue 12 item 4)", () => {
  it("names the failed service, the faulty product and the wrong bill, in every seed language", () => {
    const read = CASES.map(([text]) => reader.analyze(text).causes.map((c) => `${c.label}${c.polarity === "positive" ? "+" : "-"}`));
    CASES.forEach(([text, cause], i) => expect(read[i], text).toContain(cause));
  });
});
