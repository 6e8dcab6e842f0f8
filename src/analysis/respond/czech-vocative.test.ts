import { describe, expect, it } from "vitest";
import { czechAddress } from "./czech-vocative.js";

describe("czechAddress", () => {
  it.each([
    ["Petr Novák", "pane Nováku"],
    ["Jan Svoboda", "pane Svobodo"],
    ["Karel Černý", "pane Černý"],
    ["Josef Dvořák", "pane Dvořáku"],
    ["Tomáš Procházka", "pane Procházko"],
    ["Martin Marek", "pane Marku"],
    ["Jiří Vaněk", "pane Vaňku"],
    ["Lukáš Beneš", "pane Beneši"],
    ["Pavel Kolář", "pane Koláři"],
    ["David Zeman", "pane Zemane"],
    ["Ondřej Král", "pane Králi"],
    ["Jakub Musil", "pane Musile"],
    ["Miroslav Němec", "pane Němče"],
    ["Jana Dvořáková", "paní Dvořáková"],
    ["Eva Malá", "paní Malá"],
    ["Lucie Nguyen", "paní Nguyen"],
    ["Jana", "paní Jano"],
    ["Petr", "pane Petře"],
    ["Pavel", "pane Pavle"],
    ["Daniel", "pane Danieli"],
    ["Lucie", "paní Lucie"],
    ["Honza", "pane Honzo"],
  ])("%s → %s", (name, want) => {
    expect(czechAddress(name)).toBe(want);
  });

  it("gives up rather than guess where the vocative is not certain", () => {
    expect(czechAddress("Adam Kadlas")).toBeUndefined();
    expect(czechAddress("Jan Havelec")).toBeUndefined();
    expect(czechAddress("Vít Hořejšel")).toBeUndefined();
    expect(czechAddress("J. Novák")).toBeUndefined();
    expect(czechAddress("John Smith")).toBeUndefined();
    expect(czechAddress("")).toBeUndefined();
  });

  it("follows a gender given by the case over the guess", () => {
    expect(czechAddress("Nikola Novák", "male")).toBe("pane Nováku");
    expect(czechAddress("Nikola Nováková", "female")).toBe("paní Nováková");
  });
});
