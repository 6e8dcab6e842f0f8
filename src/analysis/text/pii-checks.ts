/**
 * Check-digit algorithms for PII detection: a digit run only counts as a card or an ID when its
 * checksum holds, which keeps order numbers and amounts out.
 */

/**
 * Luhn (ISO/IEC 7812) check, used by payment cards.
 *
 * @example
 * luhn("4111111111111111"); // true
 */
export function luhn(digits: string): boolean {
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const VD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/**
 * Verhoeff check, used by Indian Aadhaar numbers.
 *
 * @example
 * verhoeff("2363"); // true
 */
export function verhoeff(digits: string): boolean {
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const d = digits.charCodeAt(n - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    c = VD[c]![VP[i % 8]![d]!]!;
  }
  return n > 0 && c === 0;
}

/**
 * Aadhaar: 12 digits, not starting with 0 or 1, Verhoeff check digit.
 *
 * @example
 * isAadhaar("234123412346"); // true
 */
export function isAadhaar(digits: string): boolean {
  return /^[2-9]\d{11}$/.test(digits) && verhoeff(digits);
}

/**
 * Thai national ID: 13 digits, the last is (11 - sum(d_i * (13 - i)) mod 11) mod 10.
 *
 * @example
 * isThaiId("1101700230708"); // true
 */
export function isThaiId(digits: string): boolean {
  if (!/^[1-8]\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (digits.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === digits.charCodeAt(12) - 48;
}

/**
 * Czech/Slovak birth number (rodné číslo): YYMMDD + 3 or 4 digits; month +50 for women
 * (+20/+70 since 2004); a 10-digit number is divisible by 11 (or has remainder 10 and ends in 0).
 *
 * @example
 * isCzechBirthNumber("7801233540"); // true
 */
export function isCzechBirthNumber(digits: string): boolean {
  if (!/^\d{9,10}$/.test(digits)) return false;
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month > 70) month -= 70;
  else if (month > 50) month -= 50;
  else if (month > 20) month -= 20;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (digits.length === 9) return Number(digits.slice(0, 2)) < 54;
  const body = Number(digits.slice(0, 9));
  const check = digits.charCodeAt(9) - 48;
  const rem = body % 11;
  return rem === 10 ? check === 0 : rem === check;
}

/** IBAN lengths of the countries whose customers we serve most; others are checked by mod-97 only. */
export const IBAN_LENGTHS: Record<string, number> = {
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IT: 27,
  LT: 20,
  LU: 20,
  LV: 21,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  AE: 23,
  SA: 24,
  TR: 26,
};

/**
 * IBAN check (ISO 13616 mod-97), on the compact form without spaces.
 *
 * @example
 * isIban("CZ6508000000192000145399"); // true
 */
export function isIban(compact: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && expected !== compact.length) return false;
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const v = code >= 65 ? String(code - 55) : ch;
    for (const d of v) rem = (rem * 10 + (d.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}
