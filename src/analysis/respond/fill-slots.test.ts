import { describe, expect, it } from "vitest";
import { AttuneError } from "../../core/errors.js";
import { fillSlots, LEFTOVER_SLOT } from "./fill-slots.js";

describe("fillSlots", () => {
  it("fills every slot", () => {
    expect(fillSlots("Hi {name}, I'm {agent}.", { name: "Dana", agent: "Sam" })).toBe("Hi Dana, I'm Sam.");
  });

  it("refuses to leave a slot unfilled", () => {
    expect(() => fillSlots("Hi {name}", {})).toThrow(AttuneError);
  });

  it("does not let values smuggle in slot syntax", () => {
    const out = fillSlots("You wrote {quote}", { quote: "{agent} please" });
    expect(out).toBe("You wrote agent please");
    expect(LEFTOVER_SLOT.test(out)).toBe(false);
  });

  it("capitalises a slot that opens a sentence, and still refuses a missing base", () => {
    expect(fillSlots("{cause_cap}, anduku kshamaapanalu.", { cause: "mee order raaledu" })).toBe(
      "Mee order raaledu, anduku kshamaapanalu.",
    );
    expect(() => fillSlots("{cause_cap}", {})).toThrow(AttuneError);
  });
});
