/**
 * Interface text from message catalogues (en is the source; cs, th, te and tl are complete, which
 * their types and test/i18n-catalogues.test.ts check). `{name}` placeholders are filled from plain values, and the
 * result is always text, never markup. The chosen language is kept in localStorage.
 *
 * @example
 * const { t, lang, setLang } = useI18n();
 * t("overview.total", { n: 1200 }); // "1,200 messages"
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cs } from "./cs.js";
import { format } from "./format.js";
import { en, type MessageKey } from "./en.js";
import type { Translate } from "./format.js";
import { te } from "./te.js";
import { th } from "./th.js";
import { tl } from "./tl.js";

export const LANGUAGES = { en: "English", th: "ไทย", cs: "Čeština", te: "తెలుగు", tl: "Tagalog" } as const;
export type UiLanguage = keyof typeof LANGUAGES;

const CATALOGUES: Record<UiLanguage, Partial<Record<MessageKey, string>>> = { en, th, cs, te, tl };

interface I18n {
  lang: UiLanguage;
  setLang(l: UiLanguage): void;
  t: Translate;
  /** A label from the Reading (emotion, cause, need, channel...), translated when the catalogue has it. */
  label(
    kind: "emotion" | "cause" | "need" | "channel" | "sentiment" | "signal" | "stage" | "direction" | "workplace",
    value: string,
  ): string;
  num(n: number): string;
}

const Ctx = createContext<I18n | null>(null);

function initial(): UiLanguage {
  const saved = globalThis.localStorage?.getItem("attune.lang");
  if (saved && saved in LANGUAGES) return saved as UiLanguage;
  const nav = (globalThis.navigator?.language ?? "en").slice(0, 2);
  return nav in LANGUAGES ? (nav as UiLanguage) : "en";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(initial);
  const setLang = useCallback((l: UiLanguage) => {
    globalThis.localStorage?.setItem("attune.lang", l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const nf = new Intl.NumberFormat(lang);
    const num = (n: number) => nf.format(n);
    const cat = CATALOGUES[lang];
    // A key no catalogue has (an alert kind newer than the interface) shows as itself, never blank.
    const t: Translate = (key, values) => format(cat[key] ?? en[key] ?? key, values, num);
    const label: I18n["label"] = (kind, v) => {
      const key = `${kind}.${v}` as MessageKey;
      return cat[key] ?? en[key] ?? v.replace(/_/g, " ");
    };
    return { lang, setLang, t, label, num };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error("useI18n outside I18nProvider");
  return v;
}
