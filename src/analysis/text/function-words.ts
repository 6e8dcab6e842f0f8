import type { Token } from "./token.js";
import cs from "./data/function-words/cs.json" with { type: "json" };
import en from "./data/function-words/en.json" with { type: "json" };
import te from "./data/function-words/te.json" with { type: "json" };
import th from "./data/function-words/th.json" with { type: "json" };
import tl from "./data/function-words/tl.json" with { type: "json" };

/**
 * Function words per seed language (data/function-words/, documented there): pronouns,
 * determiners, prepositions, auxiliaries, conjunctions, particles and politeness forms. Evidence
 * points at the words that show a label; "rin", "หน่อย", "మీరు" or "Paní" never do (issue 12:
 * evidence on particles and pronouns was judged useless). Negators are not here: "not" is part of
 * what "not working" shows.
 */
type WordFile = Record<string, string>;

const KINDS = ["pronouns", "determiners", "prepositions", "auxiliaries", "conjunctions", "particles", "politeness"] as const;

const bare = (w: string): string =>
  w
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC");

/** Every form of the files, also without Latin diacritics ("prosím" and "prosim"). */
function forms(files: readonly WordFile[]): Set<string> {
  const out = new Set<string>();
  for (const f of files)
    for (const k of KINDS)
      for (const w of (f[k] ?? "").split(/\s+/)) {
        if (!w) continue;
        out.add(w.normalize("NFC"));
        out.add(bare(w));
      }
  return out;
}

// Tagalog, Telugu and Thai messages mix in English, so English function words count there too.
const WORDS: Record<string, Set<string>> = {
  en: forms([en]),
  cs: forms([cs]),
  tl: forms([tl, en]),
  th: forms([th, en]),
  te: forms([te, en]),
};

/**
 * True when `word` (lower case) is a function word of `lang`; Latin forms also match without
 * diacritics. Unknown languages have no list (every word counts as content).
 *
 * @example
 * isFunctionForm("rin", "tl"); // true
 * isFunctionForm("sira", "tl"); // false
 */
export function isFunctionForm(word: string, lang: string): boolean {
  const set = WORDS[lang];
  if (!set) return false;
  // Evidence and the model's spans ask about every token, twice (norm and fold), for several
  // labels: the answer per form is kept rather than normalising the form again each time.
  const known = ANSWERS[lang]!;
  let is = known.get(word);
  if (is === undefined) {
    is = set.has(word.normalize("NFC").toLowerCase());
    if (known.size >= MAX_ANSWERS) known.clear();
    known.set(word, is);
  }
  return is;
}

/** Answers of `isFunctionForm` per language, by the form as asked. */
const ANSWERS: Record<string, Map<string, boolean>> = Object.fromEntries(Object.keys(WORDS).map((l) => [l, new Map()]));
/** Forms kept per language before starting over (a few MB at most). */
const MAX_ANSWERS = 50_000;

/**
 * True for a token that never shows a label by itself: punctuation and function words.
 *
 * @example
 * isFunctionWord(token, "tl"); // true for "rin", "po", "yung"
 */
export function isFunctionWord(token: Token, lang: string): boolean {
  if (token.kind === "punct") return true;
  if (token.kind !== "word") return false;
  // Most words fold to themselves: one ask then.
  return isFunctionForm(token.norm, lang) || (token.fold !== token.norm && isFunctionForm(token.fold, lang));
}
