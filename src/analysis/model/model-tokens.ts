/**
 * The tokeniser the models are trained and evaluated with: the text step (normalise, segment,
 * applyNegation) when it is present, else `basicTokens`. Training and inference must share it,
 * so the weights record which one was used (`tokenizer` in the manifest name).
 *
 * @example
 * const tok = await modelTokenizer();
 * tok.tokenize("I want my money back", "en");
 */
import type { Token } from "../text/token.js";
import { basicTokens } from "./basic-tokens.js";

export interface ModelTokenizer {
  /** "text-step" or "basic". */
  kind: string;
  tokenize(text: string, lang: string): Token[];
}

type Fn = (...args: unknown[]) => unknown;

async function tryImport(path: string): Promise<Record<string, unknown> | null> {
  try {
    return (await import(path)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * Resolve the tokeniser once (async only because the text step is imported lazily). `preferBasic`
 * skips the text step (ATTUNE_MODEL_TOKENIZER=basic, `Config.modelTokenizer`), for training experiments.
 */
export async function modelTokenizer(preferBasic = false): Promise<ModelTokenizer> {
  if (!preferBasic) {
    const mods = await Promise.all(
      ["../text/index.js", "../text/normalise.js", "../text/segment.js", "../text/negation.js"].map((p) => tryImport(p)),
    );
    const pick = (name: string): Fn | undefined => {
      for (const m of mods) if (m && typeof m[name] === "function") return m[name] as Fn;
      return undefined;
    };
    const normalise = pick("normalise");
    const segment = pick("segment");
    const applyNegation = pick("applyNegation");
    if (normalise && segment && applyNegation) {
      return {
        kind: "text-step",
        tokenize(text, lang) {
          const tokens = segment(normalise(text), lang) as Token[];
          const negated = applyNegation(tokens, lang) as Token[] | undefined;
          return negated ?? tokens;
        },
      };
    }
  }
  return { kind: "basic", tokenize: basicTokens };
}
