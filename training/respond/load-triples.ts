/**
 * Read the team-written triples of training/respond/<lang>.jsonl: a customer message, a good reply
 * and a poor reply of a named kind. Checks every line, so a typo in the data fails loudly.
 *
 * @example
 * loadTriples('{"message":"…","good":"…","poor":"…","poor_kind":"blame"}\n').length; // 1
 */
export const POOR_KINDS = ["generic_apology", "blame", "wrong_language", "no_next_step", "over_apology", "cause_ignored"] as const;
export type PoorKind = (typeof POOR_KINDS)[number];

export interface Triple {
  message: string;
  good: string;
  poor: string;
  poor_kind: PoorKind;
}

export function loadTriples(jsonl: string): Triple[] {
  const out: Triple[] = [];
  for (const [i, raw] of jsonl.split("\n").entries()) {
    if (raw.trim() === "") continue;
    const v = JSON.parse(raw) as Partial<Triple>;
    for (const f of ["message", "good", "poor"] as const) {
      if (typeof v[f] !== "string" || (v[f] as string).trim() === "") throw new Error(`line ${i + 1}: field ${f} missing`);
    }
    if (!(POOR_KINDS as readonly unknown[]).includes(v.poor_kind)) throw new Error(`line ${i + 1}: poor_kind not known`);
    out.push(v as Triple);
  }
  return out;
}
