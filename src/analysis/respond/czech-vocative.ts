/**
 * How a Czech reply addresses a customer by name: "pane Nováku", "paní Dvořáková", "pane Petře",
 * "paní Jano". Czech addresses people in the vocative case; a name left in the nominative ("Dobrý
 * den, Petr Novák") reads as a form letter gone wrong. The rules cover the regular declensions and
 * the usual exceptions; where a name's vocative is not certain (surnames in -ec, -el, -s, -z, ...)
 * the answer is `undefined` and the drafter greets without the name.
 *
 * @example
 * czechAddress("Petr Novák"); // "pane Nováku"
 * czechAddress("Jana Dvořáková"); // "paní Dvořáková"
 * czechAddress("Jana"); // "paní Jano"
 * czechAddress("Tomáš Němec"); // "pane Němče"
 * czechAddress("Ivo Kadlas"); // undefined (unsure)
 */

export type Gender = "female" | "male";

/** Vocatives that no rule below gives (fleeting e, -ec, -el, and Král/Daniel-type -i). */
const EXCEPTIONS: Record<string, string> = {
  pavel: "Pavle",
  karel: "Karle",
  havel: "Havle",
  kozel: "Kozle",
  orel: "Orle",
  daniel: "Danieli",
  emanuel: "Emanueli",
  michael: "Michaeli",
  marcel: "Marceli",
  král: "Králi",
  němec: "Němče",
  švec: "Ševče",
  kadlec: "Kadlece",
  tomec: "Tomci",
  lukeš: "Lukeši",
  ota: "Oto",
  kuba: "Kubo",
};

/** Male first names ending in -a or -e (the rest of -a/-e names are women's). */
const MALE_IN_A = new Set([
  "honza",
  "jirka",
  "kuba",
  "saša",
  "jarda",
  "láďa",
  "ilja",
  "ota",
  "sáva",
  "jožka",
  "franta",
  "pepa",
  "míra",
  "vláďa",
  "standa",
  "luca",
  "rené",
  "andrea",
]);

const FOREIGN = /[wqx]|th|ph|ck|ee|oo|ou$/u;
const SOFT = /[žščřjďťňc]$/u;
const HARD_VELAR = /(?:k|h|g|ch)$/u;
const PLAIN_HARD = /[dtnmbpvf]$/u;

/** The address ("pane X" / "paní X") for `fullName`, or undefined when unsure. */
export function czechAddress(fullName: string, gender?: Gender): string | undefined {
  const tokens = fullName
    .trim()
    .split(/\s+/u)
    .filter((t) => /^\p{L}[\p{L}'’-]*$/u.test(t));
  if (tokens.length === 0 || tokens.length !== fullName.trim().split(/\s+/u).length) return undefined;
  const first = tokens[0] as string;
  const last = tokens[tokens.length - 1] as string;
  const g = gender ?? genderOf(first, tokens.length > 1 ? last : undefined);
  if (!g) return undefined;
  const name = tokens.length > 1 ? last : first;
  if (g === "female") {
    const voc = femaleVocative(name, tokens.length > 1);
    return voc ? `paní ${voc}` : undefined;
  }
  const voc = maleVocative(name);
  return voc ? `pane ${voc}` : undefined;
}

/** A woman's or a man's name, read off the surname (-ová, -á) or the first name's ending. */
export function genderOf(first: string, surname?: string): Gender | undefined {
  if (surname) {
    const s = surname.toLowerCase();
    if (/(?:ová|á)$/u.test(s)) return "female";
    if (/[ýí]$/u.test(s)) return "male";
  }
  const f = first.toLowerCase();
  if (/(?:ová)$/u.test(f)) return "female";
  if (MALE_IN_A.has(f)) return "male";
  if (/[ae]$/u.test(f)) return "female";
  if (/[\p{L}]$/u.test(f)) return "male";
  return undefined;
}

function femaleVocative(name: string, isSurname: boolean): string | undefined {
  // Surnames of women (Nováková, Malá) and names ending in -e or a consonant do not change.
  if (isSurname) return name;
  if (/a$/u.test(name)) return `${name.slice(0, -1)}o`;
  return name;
}

function maleVocative(name: string): string | undefined {
  const lower = name.toLowerCase();
  const exception = EXCEPTIONS[lower];
  if (exception) return matchCase(exception, name);
  // Foreign spelling (Smith, Jackson, Wolf): declined by how it sounds, which spelling cannot tell.
  if (FOREIGN.test(lower)) return undefined;
  if (/[ýíoueiy]$/u.test(lower)) return name; // Černý, Jiří, Hugo: unchanged
  if (/a$/u.test(lower)) return `${name.slice(0, -1)}o`; // Svoboda → Svobodo
  if (/ěk$/u.test(lower)) {
    // Vaněk → Vaňku, Zdeněk → Zdeňku; only after d, t, n is the softening certain.
    const soft: Record<string, string> = { d: "ď", t: "ť", n: "ň" };
    const before = lower.charAt(lower.length - 3);
    const s = soft[before];
    return s ? `${name.slice(0, -3)}${matchCase(s, name.charAt(name.length - 3))}ku` : undefined;
  }
  if (/[^aeiouyáéíóúůýě]ek$/u.test(lower)) return `${name.slice(0, -2)}ku`; // Marek → Marku, Jelínek → Jelínku
  if (/ec$/u.test(lower) || /el$/u.test(lower)) return undefined; // Němec/Kadlec, Pavel/Daniel: no safe rule
  if (HARD_VELAR.test(lower)) return `${name}u`; // Novák → Nováku, Vojtěch → Vojtěchu
  if (/[^aeiouyáéíóúůý]r$/u.test(lower)) return `${name.slice(0, -1)}ře`; // Petr → Petře
  if (/r$/u.test(lower)) return `${name}e`; // Doktor → Doktore
  if (SOFT.test(lower)) return `${name}i`; // Beneš → Beneši, Kolář → Koláři, Matěj → Matěji
  if (/l$/u.test(lower)) return `${name}e`; // Michal → Michale, Musil → Musile
  if (PLAIN_HARD.test(lower)) return `${name}e`; // Jan → Jane, Zeman → Zemane, Holub → Holube
  return undefined;
}

function matchCase(form: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? form.charAt(0).toLocaleUpperCase("cs") + form.slice(1) : form;
}
