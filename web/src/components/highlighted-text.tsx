/**
 * A message with its evidence marked: built from text nodes and <mark> elements cut at the span
 * offsets (React creates the nodes; no HTML string is ever parsed), so customer text can never
 * become markup.
 *
 * @example
 * <HighlightedText text={m.text} reading={m.reading} />
 */
import type { Reading } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { segments, type LabeledSpan } from "./segments.js";

/** Every evidence span of a Reading, labelled `kind:label`. */
export function evidenceOf(reading: Reading | null): LabeledSpan[] {
  if (!reading) return [];
  const out: LabeledSpan[] = [];
  for (const e of reading.emotions) for (const s of e.evidence) out.push({ start: s.start, end: s.end, label: `emotion:${e.label}` });
  for (const n of reading.needs) for (const s of n.evidence) out.push({ start: s.start, end: s.end, label: `need:${n.label}` });
  for (const c of reading.causes) for (const s of c.evidence) out.push({ start: s.start, end: s.end, label: `cause:${c.label}` });
  for (const g of reading.signals) for (const s of g.evidence) out.push({ start: s.start, end: s.end, label: `signal:${g.label}` });
  return out;
}

export function HighlightedText({ text, reading }: { text: string; reading: Reading | null }) {
  const { label } = useI18n();
  const parts = segments(text, evidenceOf(reading));
  return (
    <p className="message-text" dir="auto" lang={reading?.language.code ?? undefined}>
      {parts.map((p, i) => {
        if (!p.labels.length) return p.text;
        const kinds = [...new Set(p.labels.map((l) => l.split(":")[0]))];
        const title = p.labels
          .map((l) => {
            const [k, v] = l.split(":") as [string, string];
            return label(k as "emotion", v);
          })
          .join(", ");
        return (
          <mark key={i} className={`ev ev-${kinds[0]}`} title={title} data-labels={p.labels.join(" ")}>
            {p.text}
          </mark>
        );
      })}
    </p>
  );
}
