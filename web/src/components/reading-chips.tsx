/**
 * The Reading at a glance: language, sentiment, and chips for emotions, needs, causes (with their
 * polarity) and signals. Each chip links to the messages that share the label.
 *
 * @example
 * <ReadingChips reading={m.reading} />
 */
import type { Reading } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { href } from "../router.js";

export function ReadingChips({ reading }: { reading: Reading | null }) {
  const { t, label } = useI18n();
  if (!reading) return <p className="muted">{t("messages.unread")}</p>;
  return (
    <div className="chips" data-testid="reading-chips">
      <span className="chip lang" title={t("messages.language")}>
        {reading.language.code}
        {reading.language.mixed?.length ? ` (${reading.language.mixed.join("+")})` : ""}
      </span>
      <span className={`chip sent-${reading.sentiment.label}`}>{label("sentiment", reading.sentiment.label)}</span>
      {reading.emotions.map((e) => (
        <a key={`e${e.label}`} className="chip emotion" href={href("messages", { emotion: e.label })}>
          {label("emotion", e.label)}
        </a>
      ))}
      {reading.needs.map((n) => (
        <span key={`n${n.label}`} className="chip need">
          {label("need", n.label)}
        </span>
      ))}
      {reading.causes.map((c) => (
        <a
          key={`c${c.label}${c.polarity}`}
          className={`chip cause ${c.polarity}`}
          href={href("messages", { cause: c.label, cause_polarity: c.polarity })}
        >
          {c.polarity === "positive" ? "+ " : "− "}
          {label("cause", c.label)}
          {c.target ? `: ${c.target}` : ""}
        </a>
      ))}
      {reading.signals.map((s) => (
        <span key={`s${s.label}`} className="chip signal">
          {label("signal", s.label)}
        </span>
      ))}
    </div>
  );
}
