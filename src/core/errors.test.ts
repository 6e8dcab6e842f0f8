import { describe, expect, it } from "vitest";
import { AttuneError, asAttuneError } from "./errors.js";

describe("AttuneError", () => {
  it("carries a stable code, details and a derived message", () => {
    const err = new AttuneError("input.too_large", { limit: 10, size: 20 });
    expect(err.toJSON()).toEqual({
      error: { code: "input.too_large", message: "The input is larger than the limit.", details: { limit: 10, size: 20 } },
    });
  });

  it("wraps foreign errors as internal without leaking their message", () => {
    const wrapped = asAttuneError(new Error("customer said: my card 4111"));
    expect(wrapped.code).toBe("internal");
    expect(wrapped.message).not.toContain("4111");
  });
});
