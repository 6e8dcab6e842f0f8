import { describe, expect, it } from "vitest";
import { contactCount } from "./contact-count.js";

/**
 * One message per count word of the patterns, none with a digit (a digit alone passes the
 * pre-check): the cheap pre-check must let each through to the full patterns.
 */
const COUNTS: Record<string, string[]> = {
  en: [
    "I emailed twice last week",
    "I called thrice about it",
    "second time I'm writing",
    "this is my fifth email",
    "called three times now",
    "I have called several times",
    "wrote many times, no reply",
    "how many times do I have to call",
    "I call every week about it",
    "I called yesterday and today and the day before",
    "two calls and nothing",
  ],
  cs: [
    "volal jsem dvakrát",
    "psal jsem třikrát",
    "už čtyřikrát jsem volal",
    "pětkrát jsem psal",
    "šestkrát jsem volal",
    "několikrát jsem volal",
    "mnohokrát jsem psal",
    "tolikrát jsem volal",
    "opakovaně jsem psal",
    "píšu vám podruhé",
    "Už potřetí vám píšu",
    "počtvrté volám",
    "popáté volám",
    "tohle je třetí reklamace",
    "volal jsem včera i předevčírem",
    "volám každý den",
    "dvě zprávy bez odpovědi",
  ],
  tl: [
    "dalawang beses na akong tumawag",
    "ikatlong beses na akong tumawag",
    "nakailang tawag na ako",
    "paulit-ulit akong tumatawag",
    "pangalawang tawag ko na",
    "linggo-linggo akong tumatawag",
    "tatlong tawag na",
  ],
  te: ["మూడోసారి కాల్ చేస్తున్నా", "రెండుసార్లు కాల్ చేశా", "ఇది రెండో మెసేజ్", "ప్రతి వారం కాల్ చేస్తున్నా", "మూడు కాల్స్ చేశా"],
  "te-Latn": ["moodosari call chesa", "rendu sarlu call chesa", "idi rendo message", "prati vaaram call chesa", "moodu calls chesa"],
  th: ["โทรมาห้าครั้งแล้ว", "ขอคืนเงินเป็นรอบที่สองแล้ว", "โทรเมื่อวานกับเมื่อวานซืน", "ส่งสองข้อความแล้ว"],
};

describe("contactCount: the pre-check lets every count word through", () => {
  for (const [lang, texts] of Object.entries(COUNTS))
    it(`finds the count in ${lang}`, () => {
      for (const t of texts) expect([t, contactCount(t).length > 0]).toEqual([t, true]);
    });
});
