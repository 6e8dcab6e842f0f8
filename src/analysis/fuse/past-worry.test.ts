import { describe, expect, it } from "vitest";
import { pastWorry } from "./past-worry.js";

const worries = (text: string) => pastWorry(text).map((r) => text.slice(r.start, r.end));

describe("pastWorry: a fear the writer had before", () => {
  it("finds a worry told in the past in every seed language", () => {
    expect(worries("I was a bit nervous to fly with you again but the crew were lovely")).toEqual(["I was a bit nervous"]);
    expect(worries("Měla jsem obavy z montáže, ale technik byl skvělý")).toEqual(["Měla jsem obavy"]);
    expect(worries("natakot ako sa reviews pero ang ganda ng unit")).toEqual(["natakot ako"]);
    expect(worries("ตอนแรกกังวลว่าจะส่งช้า แต่ได้ของไวมาก")).toEqual(["ตอนแรกกังวล"]);
    expect(worries("మొదట భయపడ్డాను కానీ సర్వీస్ బాగుంది")).toEqual(["భయపడ్డాను"]);
    expect(worries("first lo tension paddanu kani delivery fast ga vachindi")).toEqual(["tension paddanu"]);
  });
  it("does not take a worry held now for a past one", () => {
    expect(worries("I'm worried my card was cloned")).toEqual([]);
    expect(worries("Bojím se, že mi někdo zneužije účet")).toEqual([]);
    expect(worries("กังวลมากค่ะ เงินหายจากบัญชี")).toEqual([]);
    expect(worries("nag-aalala ako baka ma-hack")).toEqual([]);
  });
});
