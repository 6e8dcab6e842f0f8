/**
 * Writing-system detection (ISO 15924) by code point ranges: cheap enough to run over a whole
 * 1 MB message, and decisive for languages that own their script (Telugu, Thai, Korean, ...).
 */

/** [first, last, script] ranges, sorted by first code point. */
const RANGES: [number, number, string][] = [
  [0x0041, 0x005a, "Latn"],
  [0x0061, 0x007a, "Latn"],
  [0x00c0, 0x024f, "Latn"],
  [0x0250, 0x02af, "Latn"],
  [0x0370, 0x03ff, "Grek"],
  [0x0400, 0x052f, "Cyrl"],
  [0x0530, 0x058f, "Armn"],
  [0x0590, 0x05ff, "Hebr"],
  [0x0600, 0x06ff, "Arab"],
  [0x0700, 0x074f, "Syrc"],
  [0x0750, 0x077f, "Arab"],
  [0x0780, 0x07bf, "Thaa"],
  [0x0900, 0x097f, "Deva"],
  [0x0980, 0x09ff, "Beng"],
  [0x0a00, 0x0a7f, "Guru"],
  [0x0a80, 0x0aff, "Gujr"],
  [0x0b00, 0x0b7f, "Orya"],
  [0x0b80, 0x0bff, "Taml"],
  [0x0c00, 0x0c7f, "Telu"],
  [0x0c80, 0x0cff, "Knda"],
  [0x0d00, 0x0d7f, "Mlym"],
  [0x0d80, 0x0dff, "Sinh"],
  [0x0e00, 0x0e7f, "Thai"],
  [0x0e80, 0x0eff, "Laoo"],
  [0x0f00, 0x0fff, "Tibt"],
  [0x1000, 0x109f, "Mymr"],
  [0x10a0, 0x10ff, "Geor"],
  [0x1100, 0x11ff, "Hang"],
  [0x1200, 0x139f, "Ethi"],
  [0x13a0, 0x13ff, "Cher"],
  [0x1780, 0x17ff, "Khmr"],
  [0x1800, 0x18af, "Mong"],
  [0x1c90, 0x1cbf, "Geor"],
  [0x1e00, 0x1eff, "Latn"],
  [0x1f00, 0x1fff, "Grek"],
  [0x2c60, 0x2c7f, "Latn"],
  [0x2d00, 0x2d2f, "Geor"],
  [0x2de0, 0x2dff, "Cyrl"],
  [0x3040, 0x309f, "Hira"],
  [0x30a0, 0x30ff, "Kana"],
  [0x3100, 0x312f, "Bopo"],
  [0x3130, 0x318f, "Hang"],
  [0x31f0, 0x31ff, "Kana"],
  [0x3400, 0x4dbf, "Hani"],
  [0x4e00, 0x9fff, "Hani"],
  [0xa640, 0xa69f, "Cyrl"],
  [0xa720, 0xa7ff, "Latn"],
  [0xa960, 0xa97f, "Hang"],
  [0xac00, 0xd7af, "Hang"],
  [0xd7b0, 0xd7ff, "Hang"],
  [0xf900, 0xfaff, "Hani"],
  [0xfb00, 0xfb06, "Latn"],
  [0xfb1d, 0xfb4f, "Hebr"],
  [0xfb50, 0xfdff, "Arab"],
  [0xfe70, 0xfeff, "Arab"],
  [0xff21, 0xff3a, "Latn"],
  [0xff41, 0xff5a, "Latn"],
  [0xff66, 0xff9f, "Kana"],
  [0xffa0, 0xffdc, "Hang"],
  [0x20000, 0x323af, "Hani"],
];

/**
 * The script of a code point, or undefined for digits, punctuation, symbols, emoji and marks
 * outside the ranges above (those count as Zyyy, "common").
 *
 * @example
 * scriptOf("ఆ".codePointAt(0)!); // "Telu"
 */
export function scriptOf(cp: number): string | undefined {
  // The seed languages' scripts first: most letters of most messages, no search.
  if (cp >= 0x0e00 && cp <= 0x0e7f) return "Thai";
  if (cp >= 0x0c00 && cp <= 0x0c7f) return "Telu";
  let lo = 0;
  let hi = RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = RANGES[mid]!;
    if (cp < r[0]) hi = mid - 1;
    else if (cp > r[1]) lo = mid + 1;
    else return r[2];
  }
  return undefined;
}

/** Code points whose block belongs to a script but which are not letters (digits, danda, symbols). */
function isScriptDigitOrSign(cp: number): boolean {
  return (
    (cp >= 0x0966 && cp <= 0x096f) ||
    (cp >= 0x0c66 && cp <= 0x0c6f) ||
    (cp >= 0x0e50 && cp <= 0x0e59) ||
    (cp >= 0x09e6 && cp <= 0x09ef) ||
    (cp >= 0x0660 && cp <= 0x0669) ||
    (cp >= 0x06f0 && cp <= 0x06f9) ||
    cp === 0x0964 ||
    cp === 0x0965 ||
    cp === 0x0e3f ||
    cp === 0x0e2f ||
    cp === 0x0e46 ||
    cp === 0x00d7 ||
    cp === 0x00f7
  );
}

export interface ScriptCounts {
  /** Letters (and combining signs) per script. */
  counts: Map<string, number>;
  /** All letters counted. */
  letters: number;
  /** The script with most letters, or "Zyyy" when there are none. */
  dominant: string;
  /** Share of the dominant script among letters, 0..1. */
  share: number;
}

/**
 * Count letters per script; digits, symbols and emoji are not counted.
 *
 * @example
 * countScripts("ఆర్డర్ late").dominant; // "Telu"
 */
export function countScripts(text: string, limit = Infinity): ScriptCounts {
  const counts = new Map<string, number>();
  let letters = 0;
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x41) continue;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (isScriptDigitOrSign(cp)) continue;
    const s = scriptOf(cp);
    if (!s) continue;
    counts.set(s, (counts.get(s) ?? 0) + 1);
    letters++;
  }
  let dominant = "Zyyy";
  let best = 0;
  for (const [s, c] of counts) {
    if (c > best) {
      best = c;
      dominant = s;
    }
  }
  // Kana with Han is Japanese writing: report Jpan, as ISO 15924 does for mixed Han+Kana.
  if ((dominant === "Hani" || dominant === "Hira" || dominant === "Kana") && (counts.get("Hira") ?? 0) + (counts.get("Kana") ?? 0) > 0) {
    const jp = (counts.get("Hani") ?? 0) + (counts.get("Hira") ?? 0) + (counts.get("Kana") ?? 0);
    return { counts, letters, dominant: "Jpan", share: letters ? jp / letters : 0 };
  }
  return { counts, letters, dominant, share: letters ? best / letters : 0 };
}

/** Scripts that one language owns in practice: the script decides the language. */
export const SCRIPT_LANGUAGE: Record<string, string> = {
  Telu: "te",
  Thai: "th",
  Hang: "ko",
  Jpan: "ja",
  Hira: "ja",
  Kana: "ja",
  Grek: "el",
  Armn: "hy",
  Geor: "ka",
  Knda: "kn",
  Mlym: "ml",
  Taml: "ta",
  Gujr: "gu",
  Guru: "pa",
  Orya: "or",
  Sinh: "si",
  Khmr: "km",
  Laoo: "lo",
  Mymr: "my",
  Tibt: "bo",
  Thaa: "dv",
  Ethi: "am",
  Hebr: "he",
  Syrc: "syr",
  Cher: "chr",
  Bopo: "zh",
};
