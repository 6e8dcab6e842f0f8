import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv-cell.js";

describe("csvCell", () => {
  it("neutralises every formula start OWASP lists, and quotes the result", () => {
    for (const s of ["=1+2", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x","y")'])
      expect(csvCell(s)).toBe(`"'${s.replace(/"/g, '""')}"`);
  });

  it("leaves plain numbers, negative ones too, and ordinary text alone", () => {
    expect(csvCell(-0.42)).toBe("-0.42");
    expect(csvCell("-12")).toBe("-12");
    expect(csvCell("1e-5")).toBe("1e-5");
    expect(csvCell("ขอบคุณค่ะ")).toBe("ขอบคุณค่ะ");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks per RFC 4180, and a parser reads the cells back", () => {
    const cells = ['say "hi", then', "two\r\nlines", "a\nb", "plain", "=cmd|' /C calc'!A0"];
    const line = csvLine(cells);
    expect(line.endsWith("\r\n")).toBe(true);
    const [back] = parse(line) as string[][];
    expect(back).toEqual([...cells.slice(0, 4), "'=cmd|' /C calc'!A0"]);
  });
});
