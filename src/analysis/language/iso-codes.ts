/**
 * fastText lid.176 labels -> ISO 639-1 where one exists (most labels already are), legacy and
 * non-standard labels fixed, everything else reported as the model's 3-letter code.
 */
const FIXES: Record<string, string> = {
  fil: "tl",
  iw: "he",
  in: "id",
  ji: "yi",
  jw: "jv",
  mo: "ro",
  als: "gsw",
  sh: "hr",
  nb: "no",
  zh_hant: "zh",
};

const isoCache = new Map<string, string>();

/**
 * The ISO code for a fastText label or a caller's hint ("__label__fil" -> "tl", "iw" -> "he").
 *
 * @example
 * toIso("__label__tl"); // "tl"
 */
export function toIso(label: string): string {
  let iso = isoCache.get(label);
  if (iso === undefined) {
    const code = label
      .replace(/^__label__/, "")
      .toLowerCase()
      .replace(/-/g, "_");
    iso = FIXES[code] ?? code.split("_")[0] ?? code;
    // fastText has 176 labels and callers few hints: a small cache, bounded against odd hints.
    if (isoCache.size < 1000) isoCache.set(label, iso);
  }
  return iso;
}

/** The script a language is normally written in, for the languages where it matters here. */
export const LANGUAGE_SCRIPT: Record<string, string> = {
  ru: "Cyrl",
  uk: "Cyrl",
  bg: "Cyrl",
  sr: "Cyrl",
  mk: "Cyrl",
  be: "Cyrl",
  kk: "Cyrl",
  ky: "Cyrl",
  tg: "Cyrl",
  tt: "Cyrl",
  ba: "Cyrl",
  cv: "Cyrl",
  mn: "Cyrl",
  os: "Cyrl",
  ce: "Cyrl",
  sah: "Cyrl",
  mhr: "Cyrl",
  mrj: "Cyrl",
  kv: "Cyrl",
  udm: "Cyrl",
  xal: "Cyrl",
  krc: "Cyrl",
  lez: "Cyrl",
  av: "Cyrl",
  myv: "Cyrl",
  tyv: "Cyrl",
  bxr: "Cyrl",
  rue: "Cyrl",
  ar: "Arab",
  fa: "Arab",
  ur: "Arab",
  ps: "Arab",
  ckb: "Arab",
  ug: "Arab",
  sd: "Arab",
  azb: "Arab",
  arz: "Arab",
  mzn: "Arab",
  pnb: "Arab",
  glk: "Arab",
  lrc: "Arab",
  hi: "Deva",
  mr: "Deva",
  ne: "Deva",
  sa: "Deva",
  bh: "Deva",
  new: "Deva",
  mai: "Deva",
  gom: "Deva",
  dty: "Deva",
  bn: "Beng",
  as: "Beng",
  bpy: "Beng",
  zh: "Hani",
  wuu: "Hani",
  yue: "Hani",
  ja: "Jpan",
  ko: "Hang",
  te: "Telu",
  th: "Thai",
  ta: "Taml",
  kn: "Knda",
  ml: "Mlym",
  gu: "Gujr",
  pa: "Guru",
  or: "Orya",
  si: "Sinh",
  km: "Khmr",
  lo: "Laoo",
  my: "Mymr",
  bo: "Tibt",
  dv: "Thaa",
  am: "Ethi",
  he: "Hebr",
  yi: "Hebr",
  el: "Grek",
  hy: "Armn",
  ka: "Geor",
  xmf: "Geor",
};

/**
 * The usual script of a language code; Latin unless listed.
 *
 * @example
 * scriptOfLanguage("ru"); // "Cyrl"
 */
export function scriptOfLanguage(code: string): string {
  return LANGUAGE_SCRIPT[code] ?? "Latn";
}
