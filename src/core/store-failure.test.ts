import { describe, expect, it } from "vitest";
import { asAttuneError } from "./errors.js";
import { storeFailureOf } from "./store-failure.js";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("storeFailureOf", () => {
  it.each([
    ["57P01", "store.unavailable"],
    ["57P03", "store.unavailable"],
    ["08006", "store.unavailable"],
    ["53300", "store.unavailable"],
    ["53100", "store.full"],
    ["ECONNREFUSED", "store.unavailable"],
    ["ECONNRESET", "store.unavailable"],
    ["SQLITE_FULL", "store.full"],
    ["SQLITE_IOERR_WRITE", "store.unavailable"],
    ["SQLITE_READONLY_DBMOVED", "store.unavailable"],
    ["SQLITE_BUSY", "store.unavailable"],
  ])("maps %s to %s", (code, expected) => {
    expect(storeFailureOf(withCode(code))?.code).toBe(expected);
  });

  it("leaves bugs and bad data alone (500 internal, 409 conflict stay theirs)", () => {
    for (const code of ["23505", "22P05", "42P01", "SQLITE_CONSTRAINT_UNIQUE", "SQLITE_ERROR", "ERR_INVALID_ARG_TYPE"])
      expect(storeFailureOf(withCode(code))).toBeUndefined();
    expect(storeFailureOf(new TypeError("Cannot read properties of undefined"))).toBeUndefined();
    expect(asAttuneError(withCode("42P01")).code).toBe("internal");
  });

  it("knows node-postgres's dropped-connection messages, causes and every address of a refused connect", () => {
    expect(storeFailureOf(new Error("Connection terminated unexpectedly"))?.code).toBe("store.unavailable");
    expect(storeFailureOf(new Error("Client has encountered a connection error and is not queryable"))?.code).toBe("store.unavailable");
    expect(storeFailureOf(new Error("outer", { cause: withCode("53100") }))?.code).toBe("store.full");
    expect(storeFailureOf(new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")]))?.code).toBe("store.unavailable");
  });

  it("becomes a coded error that says when to try again", () => {
    expect(asAttuneError(withCode("57P01")).toJSON().error).toMatchObject({ code: "store.unavailable", details: { retry_after: 2 } });
    expect(asAttuneError(withCode("SQLITE_FULL")).toJSON().error).toMatchObject({ code: "store.full", details: { retry_after: 30 } });
  });
});
