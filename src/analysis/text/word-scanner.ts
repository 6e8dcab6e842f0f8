/**
 * A linear word scanner following the UAX #29 word rules that matter for our scripts: letters,
 * combining marks, digits and ZWNJ/ZWJ inside words stay together (Telugu "ఆర్డర్‌కి"), "." "'"
 * join letters or digits, ":" letters, "," digits; emoji stay whole grapheme clusters (ZWJ
 * sequences, skin tones, flags). Scripts written without spaces (Thai, Lao, Khmer, Myanmar, Han,
 * Kana) are handed to a dictionary segmenter. Intl.Segmenter is used only for those, because its
 * per-call and per-segment costs grow far too fast on long or adversarial input.
 */

export type ScannedKind = "word" | "number" | "emoji" | "punct";

export interface Scanned {
  kind: ScannedKind;
  start: number;
  end: number;
}

const enum C {
  Unknown = 0,
  Space = 1,
  Letter = 2,
  Digit = 3,
  Mark = 4,
  Joiner = 5,
  Dict = 6,
  Emoji = 7,
  Regional = 8,
  Modifier = 9,
  Punct = 10,
  Other = 11,
}

const BMP = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const DIGIT = /\p{Nd}/u;
const PICTO = /\p{Extended_Pictographic}/u;
const PUNCT = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

function isDictionaryScript(cp: number): boolean {
  return (
    (cp >= 0x0e00 && cp <= 0x0eff && !(cp >= 0x0e50 && cp <= 0x0e59) && !(cp >= 0x0ed0 && cp <= 0x0ed9) && cp !== 0x0e3f) ||
    (cp >= 0x1000 && cp <= 0x109f) ||
    (cp >= 0x1780 && cp <= 0x17ff) ||
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xff9f) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function computeClass(cp: number): C {
  if (cp === 0x200c || cp === 0x200d) return C.Joiner;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return C.Regional;
  if ((cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0xfe0f || cp === 0xfe0e || cp === 0x20e3 || (cp >= 0xe0020 && cp <= 0xe007f))
    return C.Modifier;
  if (isDictionaryScript(cp)) return C.Dict;
  const ch = String.fromCodePoint(cp);
  if (DIGIT.test(ch)) return C.Digit;
  if (LETTER.test(ch) || cp === 0x5f) return C.Letter;
  if (MARK.test(ch)) return C.Mark;
  if (PICTO.test(ch)) return C.Emoji;
  if (SPACE.test(ch)) return C.Space;
  if (PUNCT.test(ch)) return C.Punct;
  return C.Other;
}

function classOf(cp: number): C {
  if (cp < 0x10000) {
    let c = BMP[cp]!;
    if (c === C.Unknown) {
      c = computeClass(cp);
      BMP[cp] = c;
    }
    return c;
  }
  return computeClass(cp);
}

/**
 * Scan `text[from, to)` into words, numbers, emoji and punctuation; runs of dictionary scripts go
 * to `dictionary(from, to)`, which appends its own tokens.
 *
 * @example
 * const out: Scanned[] = [];
 * scanWords("don't 👍🏽!", 0, 9, out, () => {});
 * out.map((t) => t.kind); // ["word", "emoji", "punct"]
 */
export function scanWords(
  text: string,
  from: number,
  to: number,
  out: { push(t: Scanned): unknown },
  dictionary: (from: number, to: number) => void,
): void {
  let i = from;
  while (i < to) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c === C.Letter || c === C.Digit || c === C.Mark) {
      const [end, digitsOnly] = wordEnd(text, i, to);
      out.push({ kind: digitsOnly ? "number" : "word", start: i, end });
      i = end;
    } else if (c === C.Dict) {
      let j = i + len;
      let letters = 1;
      while (j < to) {
        const n = text.codePointAt(j)!;
        const k = classOf(n);
        if (k === C.Dict) letters++;
        else if (k !== C.Mark && k !== C.Joiner) break;
        j += n > 0xffff ? 2 : 1;
      }
      // one or two letters are one word; the segmenter call would cost more than it could tell
      if (letters <= 2) out.push({ kind: "word", start: i, end: j });
      else dictionary(i, j);
      i = j;
    } else if (c === C.Emoji || c === C.Modifier) {
      const end = emojiEnd(text, i + len, to);
      out.push({ kind: "emoji", start: i, end });
      i = end;
    } else if (c === C.Regional) {
      let end = i + len;
      const n = end < to ? text.codePointAt(end)! : 0;
      if (classOf(n) === C.Regional) end += 2;
      out.push({ kind: "emoji", start: i, end: emojiEnd(text, end, to) });
      i = emojiEnd(text, end, to);
    } else if (c === C.Punct) {
      out.push({ kind: "punct", start: i, end: i + len });
      i += len;
    } else {
      i += len;
    }
  }
}

/** End of the word starting at i, and whether it holds only digits (and number separators). */
function wordEnd(text: string, i: number, to: number): [number, boolean] {
  let j = i;
  let digitsOnly = true;
  let prev = C.Unknown;
  while (j < to) {
    const cp = text.codePointAt(j)!;
    const len = cp > 0xffff ? 2 : 1;
    const c = classOf(cp);
    if (c === C.Letter || c === C.Digit || c === C.Mark) {
      if (c === C.Letter) digitsOnly = false;
      if (c !== C.Mark) prev = c;
      j += len;
      continue;
    }
    if ((c === C.Joiner || c === C.Modifier) && j > i) {
      // ZWNJ/ZWJ and variation selectors inside a word (Telugu, Devanagari) never split it
      j += len;
      continue;
    }
    if (j + 1 < to && (cp === 0x2e || cp === 0x27 || cp === 0x2019 || cp === 0x3a || cp === 0x2c)) {
      const n = text.codePointAt(j + 1)!;
      const nc = classOf(n);
      const letters = prev === C.Letter && nc === C.Letter;
      const digits = prev === C.Digit && nc === C.Digit;
      const ok = cp === 0x3a ? letters : cp === 0x2c ? digits : letters || digits;
      if (ok) {
        j += 1;
        continue;
      }
    }
    break;
  }
  return [j, digitsOnly];
}

/** End of an emoji cluster whose first code point ends at j: modifiers, ZWJ + pictograph, tags. */
function emojiEnd(text: string, j: number, to: number): number {
  while (j < to) {
    const cp = text.codePointAt(j)!;
    const c = classOf(cp);
    const len = cp > 0xffff ? 2 : 1;
    if (c === C.Modifier || (c === C.Mark && cp < 0x10000 && cp >= 0x20d0)) {
      j += len;
      continue;
    }
    if (cp === 0x200d && j + 1 < to) {
      const n = text.codePointAt(j + 1)!;
      const nc = classOf(n);
      if (nc === C.Emoji || nc === C.Regional) {
        j += 1 + (n > 0xffff ? 2 : 1);
        continue;
      }
    }
    break;
  }
  return j;
}
