import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { compileLexicon, type CompiledLexicon } from "./compile-lexicon.js";
import { parseLexicon, type Cue, type LexiconLabels } from "./parse-lexicon.js";

/** All cue lexicons, compiled per language with English mixed in, and a version hash of the files. */
export interface Lexicons {
  /** Lexicon to use for a message in `lang`: its own cues plus English (code-mixing is the norm). */
  forLanguage(lang: string): CompiledLexicon;
  /** Every language's cues in one lexicon (compiled on first use): for text whose language is unsure. */
  forAll(): CompiledLexicon;
  languages: string[];
  /** Cue count per language. */
  sizes: Record<string, number>;
  /** Short hash of all files, stamped into Reading.version.models.lexicon. */
  version: string;
}

// src/analysis/lexicon and dist/analysis/lexicon both sit three levels below the repo root; the data
// files stay in src so that the compiled package reads the same ones.
const DEFAULT_DIR = fileURLToPath(new URL("../../../src/analysis/lexicon/data/", import.meta.url));

/**
 * Read and compile every `<lang>.tsv` in the lexicon folder. Happens once, when a reader is made.
 *
 * @example
 * const lex = loadLexicons();
 * lex.forLanguage("cs").size; // Czech + English cues
 */
export function loadLexicons(dir: string = DEFAULT_DIR, set?: LexiconLabels): Lexicons {
  const hash = createHash("sha256");
  const byLang = new Map<string, Cue[]>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".tsv"))
    .sort()) {
    const lang = file.slice(0, -4);
    const source = readFileSync(new URL(file, `file://${dir.endsWith("/") ? dir : `${dir}/`}`), "utf8");
    hash.update(file).update(source);
    byLang.set(lang, parseLexicon(source, lang, set));
  }
  const english = byLang.get("en") ?? [];
  const compiled = new Map<string, CompiledLexicon>();
  const fallback = compileLexicon(english);
  for (const [lang, cues] of byLang) compiled.set(lang, lang === "en" ? fallback : compileLexicon([...cues, ...english]));
  let all: CompiledLexicon | undefined;
  return {
    forLanguage: (lang) => compiled.get(lang) ?? fallback,
    forAll: () => (all ??= compileLexicon([...byLang.values()].flat())),
    languages: [...byLang.keys()],
    sizes: Object.fromEntries([...byLang].map(([l, c]) => [l, c.length])),
    version: hash.digest("hex").slice(0, 12),
  };
}
