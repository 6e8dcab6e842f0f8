import { describe, expect, it } from "vitest";
import { AttuneError } from "../../core/errors.js";
import { parseCheckOptions, parseFacts, parsePolicy } from "./parse-facts.js";

describe("parseFacts", () => {
  it("reads camelCase and snake_case fields and ignores unknown ones", () => {
    expect(
      parseFacts({
        customer_name: "Dana",
        agentName: "Sam",
        agent_gender: "male",
        order_id: 1042,
        offer: "refund",
        follow_up: "today",
        channel: "social",
        public: "true",
        extra: 1,
      }),
    ).toEqual({
      customerName: "Dana",
      agentName: "Sam",
      agentGender: "male",
      orderId: "1042",
      offer: "refund",
      followUp: "today",
      channel: "social",
      public: true,
    });
  });

  it("rejects values outside the allowed sets, naming the field but not echoing the value", () => {
    expect(() => parseFacts({ offer: "free pony" })).toThrow(AttuneError);
    let thrown: unknown;
    expect(() => {
      try {
        parseFacts({ agent_gender: "robot" });
      } catch (err) {
        thrown = err;
        throw err;
      }
    }).toThrow(AttuneError);
    expect((thrown as AttuneError).details.field).toBe("agentGender");
    expect(JSON.stringify((thrown as AttuneError).toJSON())).not.toContain("robot");
  });

  it("treats public channels as public for the check", () => {
    expect(parseCheckOptions({ channel: "review", customer_name: "Dana" })).toEqual({ customerName: "Dana", public: true });
    expect(parseCheckOptions({ channel: "email" })).toEqual({});
  });
});

describe("parsePolicy", () => {
  it("reads the workspace's card line in either spelling, and nothing when it is absent", () => {
    expect(parsePolicy({ card_line: "800 123 456", follow_up: "24h" })).toEqual({ cardLine: "800 123 456", followUp: "24h" });
    expect(parsePolicy({ cardLine: "800 123 456" })?.cardLine).toBe("800 123 456");
    expect(parsePolicy({ offers: ["refund"] })?.cardLine).toBeUndefined();
  });
});
