/**
 * PII spans: where a message holds personal data that must be masked before it is shown, stored
 * in clear or sent anywhere. Every pattern is linear (bounded quantifiers, no nesting), and cards
 * and IDs are only reported when their check digits hold.
 */
import type { PiiKind } from "../../core/labels.js";
import type { PiiSpan } from "../../core/reading.js";
import { findEmails, findUrls } from "./special-spans.js";
import { IBAN_LENGTHS, isAadhaar, isCzechBirthNumber, isIban, isThaiId, luhn } from "./pii-checks.js";

export type { PiiKind, PiiSpan };

// A digit run with single space/dash separators; at most 22 digits, so a failed match is O(1).
const DIGIT_RUN = /(?<![\p{L}\p{N}+])(?:\+\s?)?\(?\d(?:(?:\)\s?|[ \-.\u00a0/]|\s?\(\s?)?\d){5,21}(?![\p{L}\p{N}])/gu;
const IBAN_RUN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){11,32}(?![A-Za-z0-9])/g;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}(?::|(?::[0-9A-Fa-f]{1,4}){1,7}|[0-9A-Fa-f]{1,4})(?![\w:])/g;
const SECRET_PARAM =
  /[?&#;](?:access_?token|auth_?token|id_?token|refresh_?token|token|api_?key|apikey|key|password|passwd|pwd|pass|secret|client_secret|signature|sig|session|sessionid|sid|auth|otp|code)=[^&#\s]/i;

const PRIORITY: Record<PiiKind, number> = {
  url_with_token: 0,
  email: 1,
  iban: 2,
  card: 3,
  national_id: 4,
  ip_address: 5,
  phone: 6,
};

/**
 * Find personal data in a text; offsets are in the given text, spans sorted and not overlapping.
 *
 * @example
 * findPii("call me on +420 777 123 456 or ana@x.cz");
 * // [{ kind: "phone", start: 11, end: 27 }, { kind: "email", start: 31, end: 39 }]
 */
export function findPii(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const u of findUrls(text)) {
    if (SECRET_PARAM.test(text.slice(u.start, u.end))) spans.push({ kind: "url_with_token", ...u });
  }
  for (const e of findEmails(text)) spans.push({ kind: "email", ...e });
  findIbans(text, spans);
  findDigitRuns(text, spans);
  findIps(text, spans);
  return resolve(spans);
}

function resolve(spans: PiiSpan[]): PiiSpan[] {
  spans.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  const kept: PiiSpan[] = [];
  for (const s of spans) {
    if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function findIbans(text: string, out: PiiSpan[]): void {
  IBAN_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RUN.exec(text)) !== null) {
    const raw = m[0];
    const compact = raw.replace(/[ \u00a0]/g, "");
    const want = IBAN_LENGTHS[compact.slice(0, 2)] ?? compact.length;
    if (compact.length < want) continue;
    // the run may have swallowed a following code ("... 5399 ABC1"): cut to the country's length
    if (!isIban(compact.slice(0, want))) continue;
    let end = m.index;
    let seen = 0;
    while (seen < want) {
      if (raw[end - m.index] !== " " && raw[end - m.index] !== "\u00a0") seen++;
      end++;
    }
    out.push({ kind: "iban", start: m.index, end });
  }
}

function findIps(text: string, out: PiiSpan[]): void {
  IPV4.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IPV4.exec(text)) !== null) out.push({ kind: "ip_address", start: m.index, end: m.index + m[0].length });
  IPV6.lastIndex = 0;
  while ((m = IPV6.exec(text)) !== null) {
    const s = m[0];
    // "10:30:45" and "a:b" are not addresses: want 8 groups, or "::" with 3+ groups and a hex letter or 4-digit group
    const groups = s.split(":").filter(Boolean);
    const full = groups.length === 8 && !s.includes("::");
    const compressed = s.includes("::") && groups.length >= 2 && /[a-f]|\d{4}/i.test(s);
    if ((full || compressed) && isValidIpv6(s)) out.push({ kind: "ip_address", start: m.index, end: m.index + s.length });
  }
}

function isValidIpv6(s: string): boolean {
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

function findDigitRuns(text: string, out: PiiSpan[]): void {
  DIGIT_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIGIT_RUN.exec(text)) !== null) {
    let raw = m[0];
    let start = m.index;
    // a lone "(" belongs to a phone only with its ")"; otherwise drop it from the span
    if (raw.startsWith("(") && !raw.includes(")")) {
      raw = raw.slice(1);
      start++;
    }
    const kind = classifyDigits(raw);
    if (kind) out.push({ kind, start, end: start + raw.length });
  }
}

/**
 * Decide what a digit run is. Exported for tests.
 *
 * @example
 * classifyDigits("4111 1111 1111 1111"); // "card"
 * classifyDigits("081-234-5678");        // "phone"
 */
export function classifyDigits(raw: string): PiiKind | undefined {
  const digits = raw.replace(/\D/g, "");
  const plus = raw.startsWith("+");
  const seps = raw.replace(/[\d+]/g, "");
  if (isDate(raw)) return undefined;
  if (!plus) {
    if (digits.length >= 13 && digits.length <= 19 && /^[ -]*$/.test(seps) && luhn(digits) && !isThaiIdFormat(raw, digits)) return "card";
    if (digits.length === 13 && isThaiId(digits) && /^[ -]*$/.test(seps)) return "national_id";
    if (digits.length === 12 && isAadhaar(digits) && /^[ -]*$/.test(seps)) return "national_id";
    if (/^\d{6}\s?\/\s?\d{3,4}$/.test(raw) && isCzechBirthNumber(digits)) return "national_id";
    if (/^\d{10}$/.test(raw) && isCzechBirthNumber(digits) && !/^[6-9]/.test(digits)) return "national_id";
  }
  return isPhone(raw, digits, plus, seps) ? "phone" : undefined;
}

function isThaiIdFormat(raw: string, digits: string): boolean {
  return /^\d-\d{4}-\d{5}-\d{2}-\d$/.test(raw.replace(/ /g, "-")) && isThaiId(digits);
}

function isDate(raw: string): boolean {
  return /^\d{1,4}([./-])\d{1,2}\1\d{1,4}$/.test(raw) && raw.replace(/\D/g, "").length <= 8;
}

function isPhone(raw: string, d: string, plus: boolean, seps: string): boolean {
  if (/\./.test(seps) && !/^(?:\+?\d{1,4}\.)?\d{2,4}\.\d{3,4}\.\d{3,4}$/.test(raw)) return false;
  if (seps.includes("/")) return false;
  if (plus) return d.length >= 8 && d.length <= 15;
  if (d.startsWith("00") && d.length >= 10 && d.length <= 17) return true;
  if (/^0[689]\d{8}$/.test(d) || /^02\d{7}$/.test(d) || /^0[3-7]\d{7}$/.test(d)) return true; // Thailand
  if (/^09\d{9}$/.test(d) || /^02\d{8}$/.test(d)) return true; // Philippines
  if (/^0?[6-9]\d{9}$/.test(d) || /^91[6-9]\d{9}$/.test(d)) return true; // India
  if (/^(?:420)?[2-79]\d{8}$/.test(d) && (seps.length > 0 || d.startsWith("420") || /^[67]/.test(d))) return true; // Czechia
  if (/^[2-9]\d{2}[2-9]\d{6}$/.test(d) && /^\(?\d{3}\)?[ \-.]?\d{3}[ \-.]\d{4}$/.test(raw)) return true; // NANP
  if (/^0\d{8,10}$/.test(d) && seps.length > 0) return true;
  return false;
}
