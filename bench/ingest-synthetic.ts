/**
 * Synthetic messages for the benchmarks: team-written templates in en, th, cs, tl and te with
 * slots, so a million messages have thousands of distinct texts, realistic lengths, five channels,
 * threads with agent replies, and some employee feedback. Deterministic for a seed.
 *
 * @example
 * const gen = syntheticMessages({ seed: 1, start: Date.UTC(2025, 0, 1), spanDays: 365 });
 * const batch = Array.from({ length: 100 }, () => gen.next());
 */
import { seededRandom } from "../src/core/seeded-random.js";

const ITEMS = {
  en: ["parcel", "order", "refund", "blender", "phone case", "subscription", "invoice", "delivery", "laptop bag", "headphones"],
  th: ["พัสดุ", "ออเดอร์", "เงินคืน", "เครื่องปั่น", "เคสมือถือ", "ใบแจ้งหนี้"],
  cs: ["balík", "objednávka", "vrácení peněz", "mixér", "pouzdro", "faktura"],
  tl: ["parcel", "order", "refund", "blender", "phone case", "bill"],
  te: ["పార్సెల్", "ఆర్డర్", "రిఫండ్", "బ్లెండర్", "బిల్లు"],
};

const TEMPLATES: Record<keyof typeof ITEMS, string[]> = {
  en: [
    "My {item} is {n} days late and nobody answers my emails. This is unacceptable.",
    "I was charged twice for my {item}. Please fix this today or I will cancel.",
    "Thank you so much, the {item} arrived early and works perfectly!",
    "Your agent was rude to me on the phone about my {item}. I expected better.",
    "How do I change the address for my {item}? The app keeps showing an error.",
    "Third time contacting you about the {item}. I am going to post this on Twitter.",
    "The {item} broke after {n} days. I want a replacement or my money back.",
    "Great service as always, quick answer and a friendly team. Thanks!",
    "I am worried, the {item} tracking has not moved for {n} days.",
    "Nothing works in the app since the update, I can't log in to see my {item}.",
  ],
  th: [
    "สั่ง{item}ไป {n} วันแล้วยังไม่ได้เลยค่ะ แย่มาก",
    "ขอบคุณมากค่ะ ได้รับ{item}เร็วกว่าที่คิด",
    "พนักงานพูดจาไม่สุภาพเรื่อง{item} ผิดหวังมาก",
    "โดนเก็บเงินซ้ำสองครั้งสำหรับ{item} ช่วยแก้ไขด่วนครับ",
    "{item}เสียหลังใช้ไป {n} วัน อยากได้เงินคืน",
    "บริการดีมาก ตอบไว ประทับใจค่ะ",
  ],
  cs: [
    "Můj {item} má {n} dní zpoždění a nikdo neodpovídá. To je nepřijatelné.",
    "Děkuji za rychlé vyřízení, {item} dorazil včas. Jsem spokojená.",
    "Byla mi dvakrát stržena platba za {item}. Prosím o nápravu.",
    "Operátor byl na mě nepříjemný kvůli {item}. Zklamání.",
    "{item} se rozbil po {n} dnech, chci vrátit peníze.",
    "Skvělá služba, ochotný personál, určitě objednám znovu.",
  ],
  tl: [
    "Grabe, {n} araw na wala pa rin yung {item} ko! Nakakainis talaga.",
    "Salamat po, ang bilis dumating ng {item}. Sobrang satisfied ako!",
    "Bakit doble ang singil sa {item} ko? Paki-ayos naman agad.",
    "Ang bastos ng agent niyo tungkol sa {item}. Hindi na ako babalik.",
    "Sira na agad yung {item} after {n} days, gusto ko ng refund.",
    "Ang galing ng service niyo, mabilis at mabait ang staff!",
  ],
  te: [
    "నా {item} {n} రోజులు ఆలస్యం అయింది, ఎవరూ స్పందించడం లేదు.",
    "చాలా ధన్యవాదాలు, {item} త్వరగా వచ్చింది!",
    "{item} కి రెండు సార్లు డబ్బులు కట్ అయ్యాయి, దయచేసి సరిచేయండి.",
    "మీ ఏజెంట్ {item} గురించి మర్యాద లేకుండా మాట్లాడారు.",
    "{item} {n} రోజుల్లో పాడైపోయింది, నాకు రిఫండ్ కావాలి.",
  ],
};

const REPLIES = [
  "I am sorry for the trouble with your {item}. I have escalated it and will update you within 24 hours.",
  "Thank you for your patience. Your {item} refund has been processed today.",
  "We apologise for the delay. A replacement {item} ships tomorrow with express delivery.",
];

const EMPLOYEE = [
  "The new rota changes every week and nobody asks us. The team is exhausted.",
  "My manager listens and the training this month was really useful, thank you.",
  "We still have no proper tools for the {item} returns, it slows everyone down.",
  "I feel my work is not valued, three colleagues left this quarter.",
];

const CHANNELS = ["email", "chat", "social", "review", "survey"] as const;
const LANGS = ["en", "en", "th", "cs", "tl", "te"] as const;
const TEAMS = ["warehouse", "support", "retail", "logistics", "finance"];

const rng = seededRandom;

export interface SyntheticOptions {
  seed: number;
  /** Epoch ms of the earliest sent_at. */
  start: number;
  spanDays: number;
  prefix?: string;
}

export interface SyntheticMessage {
  external_id: string;
  text: string;
  channel: string;
  author: string | { id: string; audience?: number; team?: string };
  sent_at: number;
  thread?: string;
  direction?: "customer" | "agent" | "employee";
  public?: boolean;
}

export function syntheticMessages(o: SyntheticOptions): { next(): SyntheticMessage } {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let i = 0;
  const prefix = o.prefix ?? `s${o.seed}`;
  const fill = (tpl: string, lang: keyof typeof ITEMS) =>
    tpl.replace("{item}", pick(ITEMS[lang])).replace("{n}", String(2 + Math.floor(r() * 20)));
  let lastThread: { id: string; item: string; at: number } | undefined;
  return {
    next() {
      i += 1;
      const id = `${prefix}-${i}`;
      const at = o.start + Math.floor((i * 7919) % (o.spanDays * 86_400)) * 1000 + Math.floor(r() * 1000);
      const roll = r();
      if (roll < 0.12 && lastThread) {
        const t = lastThread;
        lastThread = undefined;
        return {
          external_id: id,
          text: pick(REPLIES).replace("{item}", t.item),
          channel: "email",
          author: `agent-${Math.floor(r() * 40)}`,
          direction: "agent",
          thread: t.id,
          sent_at: t.at + 3_600_000,
        };
      }
      if (roll < 0.16) {
        return {
          external_id: id,
          text: fill(pick(EMPLOYEE), "en"),
          channel: "internal",
          author: { id: `emp-${Math.floor(r() * 300)}`, team: pick(TEAMS) },
          direction: "employee",
          sent_at: at,
        };
      }
      const lang = pick(LANGS);
      const channel = pick(CHANNELS);
      const text = fill(pick(TEMPLATES[lang]), lang);
      const author =
        channel === "social"
          ? { id: `@user${Math.floor(r() * 50_000)}`, audience: Math.floor(r() * r() * 100_000) }
          : `cust-${Math.floor(r() * 100_000)}`;
      const msg: SyntheticMessage = {
        external_id: id,
        text,
        channel,
        author,
        sent_at: at,
        ...(channel === "social" || channel === "review" ? { public: true } : {}),
      };
      if (channel === "email" && r() < 0.6) {
        msg.thread = `th-${id}`;
        lastThread = { id: msg.thread, item: pick(ITEMS.en), at };
      }
      return msg;
    },
  };
}
