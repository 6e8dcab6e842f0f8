import { describe, expect, it } from "vitest";
import { findPii } from "./pii.js";
import { isAadhaar, isCzechBirthNumber, isIban, isThaiId, luhn, verhoeff } from "./pii-checks.js";

function kinds(text: string): [string, string][] {
  return findPii(text).map((p) => [p.kind, text.slice(p.start, p.end)]);
}

describe("check digits", () => {
  it("accept valid and reject altered numbers", () => {
    expect(luhn("4111111111111111")).toBe(true);
    expect(luhn("4111111111111112")).toBe(false);
    expect(verhoeff("2363")).toBe(true);
    expect(verhoeff("2364")).toBe(false);
    expect(isAadhaar("234123412346")).toBe(true);
    expect(isAadhaar("234123412347")).toBe(false);
    expect(isThaiId("1101700230708")).toBe(true);
    expect(isThaiId("1101700230705")).toBe(false);
    expect(isCzechBirthNumber("7801233540")).toBe(true);
    expect(isCzechBirthNumber("7801233541")).toBe(false);
    expect(isIban("CZ6508000000192000145399")).toBe(true);
    expect(isIban("CZ6508000000192000145398")).toBe(false);
  });
});

describe("findPii", () => {
  it("finds each kind with offsets in the given text", () => {
    expect(kinds("write to ana.k@shop.cz please")).toEqual([["email", "ana.k@shop.cz"]]);
    expect(kinds("card 4111 1111 1111 1111 exp")).toEqual([["card", "4111 1111 1111 1111"]]);
    expect(kinds("IBAN CZ65 0800 0000 1920 0014 5399.")).toEqual([["iban", "CZ65 0800 0000 1920 0014 5399"]]);
    expect(kinds("rč 780123/3540")).toEqual([["national_id", "780123/3540"]]);
    expect(kinds("aadhaar 2341 2341 2346")).toEqual([["national_id", "2341 2341 2346"]]);
    expect(kinds("บัตร 1-1017-00230-70-8 ค่ะ")).toEqual([["national_id", "1-1017-00230-70-8"]]);
    expect(kinds("from 192.168.1.20 and 2001:db8::8a2e:370:7334")).toEqual([
      ["ip_address", "192.168.1.20"],
      ["ip_address", "2001:db8::8a2e:370:7334"],
    ]);
    expect(kinds("open https://x.io/reset?token=abc123 now")).toEqual([["url_with_token", "https://x.io/reset?token=abc123"]]);
  });

  it("finds phone numbers in the formats of our markets", () => {
    for (const phone of [
      "+420 777 123 456",
      "777 123 456",
      "081-234-5678",
      "02-123-4567",
      "+66 81 234 5678",
      "+91 98765 43210",
      "9876543210",
      "0917 123 4567",
      "+63 917 123 4567",
      "(415) 555-0132",
    ]) {
      expect(kinds(`call ${phone} now`), phone).toEqual([["phone", phone]]);
    }
  });

  it("leaves order numbers, amounts, dates, times and plain URLs alone", () => {
    expect(findPii("order 12345678 of 12.05.2024 at 10:30:45, 1,299.50 Kč, see https://shop.cz/item?id=5")).toEqual([]);
    expect(findPii("card 4111 1111 1111 1112")).toEqual([]);
  });
});
