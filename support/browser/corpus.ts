/**
 * Test data for the dashboard's browser tests, sent to a real `attune serve` over the API:
 * multilingual customer threads with agent replies, public posts with reach, employee feedback in
 * teams above and below the anonymity threshold, and an XSS corpus placed in message text,
 * subjects, team names and author names.
 *
 * @example
 * const messages = dashboardCorpus(Date.now());
 */

/** Payloads that would run script or restyle the page if any of them reached the DOM as HTML. */
export const XSS = [
  `<img src=x onerror="window.__xss='img'">`,
  `<svg onload="window.__xss='svg'"><circle r=1></svg>`,
  `<a href="javascript:window.__xss='link'">click me</a>`,
  `[click here](javascript:window.__xss='md')`,
  `![pic](x" onerror="window.__xss='mdimg')`,
  "${window.__xss='template'}",
  "{{constructor.constructor('window.__xss=\"ng\"')()}}",
  `<script>window.__xss='script'</script>`,
  `"><iframe srcdoc="<script>parent.__xss='iframe'</script>"></iframe>`,
  `<style>body{display:none}</style><div style="background:url(javascript:alert(1))">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss='mxss'">`,
] as const;

const DAY = 86_400_000;

interface Msg {
  external_id: string;
  text: string;
  channel?: string;
  author?: string | { id: string; name?: string; audience?: number; team?: string };
  sent_at?: string;
  thread?: string;
  direction?: string;
  public?: boolean;
  subject?: string;
  team?: string;
  language?: string;
  audience?: number;
  survey?: { kind: "nps" | "csat" | "ces"; score: number };
}

/** Customer threads, public posts and the XSS corpus, dated in the last two weeks before `now`. */
export function customerCorpus(now: number): Msg[] {
  const at = (daysAgo: number, hour = 9) => new Date(Math.floor(now / DAY) * DAY - daysAgo * DAY + hour * 3_600_000).toISOString();
  const out: Msg[] = [
    {
      external_id: "en-1",
      thread: "t-en-1",
      channel: "email",
      author: { id: "ana@example.com", name: "Ana" },
      team: "Support A",
      subject: "Parcel two weeks late",
      sent_at: at(1),
      text: "My parcel is two weeks late and nobody answers my emails. I am really angry and I want a refund now!",
    },
    {
      external_id: "en-1-r",
      thread: "t-en-1",
      channel: "email",
      author: "agent-lee",
      direction: "agent",
      team: "Support A",
      sent_at: at(1, 11),
      text: "Dear Ana, I am sorry for the wait. I have asked the courier and will update you today.",
    },
    {
      external_id: "en-2",
      thread: "t-en-2",
      channel: "chat",
      author: "ben",
      team: "Support B",
      sent_at: at(2),
      text: "Thank you so much, the courier was quick and very kind. Great service!",
    },
    {
      external_id: "en-3",
      thread: "t-en-3",
      channel: "chat",
      author: "cara",
      team: "Support B",
      sent_at: at(3),
      text: "I was charged twice for the same order. This is the third time I contact you about the bill. Fix it or I cancel my account.",
    },
    {
      external_id: "en-4",
      channel: "review",
      author: { id: "dan", audience: 800 },
      sent_at: at(4),
      text: "The app keeps crashing when I try to pay. Very frustrating, I am confused about what to do.",
    },
    {
      external_id: "en-5",
      channel: "social",
      public: true,
      author: { id: "@eve", audience: 25000 },
      sent_at: at(1, 14),
      text: "Worst delivery service ever. Waited 3 weeks, no answer from support. I will tell everyone to avoid them!",
    },
    {
      external_id: "en-6",
      channel: "social",
      public: true,
      author: { id: "@finn", audience: 300 },
      sent_at: at(2, 15),
      text: "Lovely staff at the store today, they really helped me. Thanks!",
    },
    {
      external_id: "th-1",
      thread: "t-th-1",
      channel: "chat",
      author: "somchai",
      team: "Support A",
      language: "th",
      sent_at: at(2),
      text: "สั่งของไปสามวันแล้วยังไม่ได้เลยค่ะ แย่มาก โทรไปก็ไม่มีใครรับสาย",
    },
    {
      external_id: "th-2",
      channel: "social",
      public: true,
      author: { id: "@ploy", audience: 12000 },
      language: "th",
      sent_at: at(3, 16),
      text: "ผิดหวังมากกับบริการ รอคืนเงินมาสองอาทิตย์แล้ว จะโพสต์ให้ทุกคนรู้",
    },
    {
      external_id: "th-3",
      channel: "review",
      author: "nok",
      language: "th",
      sent_at: at(5),
      text: "ขอบคุณมากค่ะ พนักงานใจดีและส่งของเร็วมาก ประทับใจค่ะ",
    },
    {
      external_id: "cs-1",
      thread: "t-cs-1",
      channel: "email",
      author: "jana",
      team: "Support B",
      subject: "Reklamace",
      language: "cs",
      sent_at: at(4),
      text: "Už potřetí píšu kvůli reklamaci a nikdo mi neodpověděl. Jsem opravdu naštvaná, chci vrátit peníze.",
    },
    {
      external_id: "cs-2",
      channel: "review",
      author: "petr",
      language: "cs",
      sent_at: at(6),
      text: "Děkuji za rychlé vyřízení, jsem velmi spokojený.",
    },
    {
      external_id: "te-1",
      thread: "t-te-1",
      channel: "chat",
      author: "ravi",
      team: "Support A",
      language: "te",
      sent_at: at(5),
      text: "నా ఆర్డర్ ఇంకా రాలేదు. 5 రోజులు అయింది, ఎవరూ సమాధానం చెప్పడం లేదు. చాలా కోపంగా ఉంది.",
    },
    {
      external_id: "te-2",
      channel: "review",
      author: "lakshmi",
      language: "te",
      sent_at: at(7),
      text: "సేవ చాలా బాగుంది, ధన్యవాదాలు. సిబ్బంది చాలా మర్యాదగా మాట్లాడారు.",
    },
    {
      external_id: "tl-1",
      channel: "social",
      public: true,
      author: { id: "@juan", audience: 12000 },
      language: "tl",
      sent_at: at(1, 18),
      text: "Grabe, 2 weeks na wala pa rin yung order ko! Nakakainis talaga, walang sumasagot sa customer service.",
    },
    {
      external_id: "tl-2",
      thread: "t-tl-2",
      channel: "chat",
      author: "maria",
      team: "Support B",
      language: "tl",
      sent_at: at(6),
      text: "Salamat po sa mabilis na tulong, ang bait ng agent ninyo.",
    },
  ];
  // A baseline of quieter days, so spikes and trends have something to stand against; each with an
  // NPS answer that agrees with its text (detractors wait for orders, promoters got them).
  for (let d = 8; d < 14; d++) {
    out.push({
      external_id: `base-${d}`,
      channel: d % 2 ? "chat" : "email",
      author: `base-${d}`,
      team: d % 2 ? "Support A" : "Support B",
      sent_at: at(d),
      text: d % 3 ? "Where is my order? It has been a few days without any update." : "Thanks, everything arrived on time and works well.",
      survey: { kind: "nps", score: d % 3 ? 3 : 9 },
    });
  }
  // NPS answers whose comments name one cause that lowers the score (not being told) and one that
  // raises it (kind staff): enough of each (30+) for the drivers chart to show both with intervals.
  const untold = [
    "Nobody told me my order was cancelled. No update, no email, nothing.",
    "The outage lasted three days and nobody informed us at all.",
    "Flight moved by six hours and I only heard about it at the gate. Zero communication.",
  ];
  const kind = [
    "The agent was so kind and patient with me. Lovely staff.",
    "Your advisor was friendly and polite and explained every step.",
    "The rider was really friendly and helpful. Great staff.",
  ];
  for (let i = 0; i < 64; i++) {
    const low = i % 2 === 0;
    out.push({
      external_id: `nps-${i}`,
      channel: "survey",
      author: `nps-${i}`,
      team: i % 3 ? "Support A" : "Support B",
      sent_at: at(1 + (i % 6), 10 + (i % 7)),
      text: (low ? untold : kind)[i % 3]!,
      survey: { kind: "nps", score: low ? i % 4 : 9 + (i % 2) },
    });
  }
  XSS.forEach((payload, i) => {
    out.push({
      external_id: `xss-${i}`,
      thread: `t-xss-${i}`,
      channel: i % 2 ? "social" : "email",
      public: i % 2 === 1,
      author: { id: `xss-author-${i}`, name: payload, audience: 5000 },
      team: i === 0 ? `Team ${payload}` : "Support A",
      subject: `Re: ${payload}`,
      sent_at: at(2, 8),
      text: `XSSCASE ${i}: I am angry, my refund is late. ${payload} Please answer!`,
    });
  });
  return out;
}

/**
 * Employee feedback in two closed months: last month Warehouse 6 people, Stores 5, Drivers 3 (the
 * pool of Drivers alone would be revealed by difference, so Stores joins it); the month before,
 * only 3 people in all (withheld).
 */
export function employeeCorpus(now: number): Msg[] {
  const d = new Date(now);
  const lastMonth = (day: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, day, 10)).toISOString();
  const monthBefore = (day: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 2, day, 10)).toISOString();
  const out: Msg[] = [];
  const team = (name: string, n: number, when: (day: number) => string, text: (i: number) => string, tag: string) => {
    for (let i = 0; i < n; i++)
      out.push({
        external_id: `emp-${tag}-${name}-${i}`,
        channel: "internal",
        direction: "employee",
        author: { id: `${name}-${tag}-${i}`, team: name },
        team: name,
        sent_at: when(3 + i),
        text: text(i),
      });
  };
  team(
    "Warehouse",
    6,
    lastMonth,
    (i) =>
      i % 2
        ? "My manager never listens and the rota changes every week. I am exhausted."
        : "The new safety training was useful, thank you.",
    "m1",
  );
  team("Stores", 5, lastMonth, () => "The team lead is supportive and the schedule is fair. I feel respected.", "m1");
  team("Drivers", 3, lastMonth, () => "The vans are unsafe and nobody fixes the brakes. I am scared to drive.", "m1");
  team("Drivers", 3, monthBefore, () => "Nobody answers when we report broken equipment.", "m2");
  return out;
}
