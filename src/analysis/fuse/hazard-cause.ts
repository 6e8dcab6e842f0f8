import type { CauseReading, SignalReading } from "../../core/reading.js";
import { matchRanges } from "./evidence.js";
import { toSpans } from "./evidence.js";

/**
 * A hazard from a product names the product as the problem: "charger melted and burnt the carpet",
 * "mikrovlnka jede, i když jsou otevřený dvířka", "ที่ชาร์จละลาย", "కుక్కర్ మూత ఎగిరిపోయింది",
 * "naputol yung strap ng baby car seat". When the safety signal holds, a product is named and the
 * causes do not already hold product quality, it is added as a problem with the product and the
 * hazard as evidence (issue 12: every complaint with a nameable cause gets one). Hazards from a
 * service (a wet floor, a driver, a waiter) name no product and keep their causes.
 *
 * @example
 * hazardCause(text, causes, signals); // [..., {label: "product_quality", polarity: "negative", ...}]
 */
export function hazardCause(text: string, causes: CauseReading[], signals: SignalReading[]): CauseReading[] {
  const hazard = signals.find((s) => s.label === "safety_issue");
  if (!hazard || causes.some((c) => c.label === "product_quality" && c.polarity === "negative")) return causes;
  const products = matchRanges(text, PRODUCT);
  if (products.length === 0) return causes;
  const evidence = toSpans(text, [products[0]!, ...hazard.evidence]);
  const rest = causes.filter((c) => c.label !== "product_quality");
  return [...rest, { label: "product_quality", polarity: "negative", score: HAZARD_CAUSE_SCORE, evidence }];
}

/** Score of a cause read from a product hazard: past the fusion threshold, below a cued one. */
const HAZARD_CAUSE_SCORE = 0.55;

const W = "(?<![\\p{L}\\p{M}])";
const E = "(?![\\p{L}\\p{M}])";
/** Products that cause hazards (appliances, chargers, gear, food), per seed language. */
const PRODUCT = new RegExp(
  [
    `${W}(?:fridge|freezer|microwave|oven|kettle|toaster|dryer|washer|washing machine|dishwasher|heater|boiler|charger|power bank|battery|batteries|phone|laptop|router|cable|plug|adapter|socket|ladder|car seat|stroller|pram|toy|candle|jar|cooker|pressure cooker|appliance|meter box|e-?bike|scooter|hair ?dryer|bread|sandwich|chicken|salad|curry|meal|food|pizza|burger|drink|bottle|cream|lotion)s?${E}`,
    `${W}(?:lednic\\p{L}*|mikrovln\\p{L}*|troub\\p{L}*|rychlovar\\p{L}*|konvic\\p{L}*|sušičk\\p{L}*|pračk\\p{L}*|myčk\\p{L}*|topení|kotel|nabíječk\\p{L}*|powerbank\\p{L}*|bateri\\p{L}*|telefon\\p{L}*|mobil\\p{L}*|notebook\\p{L}*|router\\p{L}*|kabel\\p{L}*|zásuvk\\p{L}*|žebřík\\p{L}*|autosedačk\\p{L}*|kočár\\p{L}*|hračk\\p{L}*|svíčk\\p{L}*|hrn\\p{L}*|papiňák\\p{L}*|spotřebič\\p{L}*|chleb\\p{L}*|chléb|sendvič\\p{L}*|kuře\\p{L}*|salát\\p{L}*|jídl\\p{L}*|pizz\\p{L}*|burger\\p{L}*|krém\\p{L}*)${E}`,
    `ตู้เย็น|ไมโครเวฟ|เตาอบ|กาต้มน้ำ|เครื่องอบผ้า|เครื่องซักผ้า|ที่ชาร์จ|สายชาร์จ|แบต|พาวเวอร์แบงค์|โทรศัพท์|มือถือ|เราเตอร์|ปลั๊ก|บันได|คาร์ซีท|รถเข็นเด็ก|ของเล่น|เทียน|หม้อ|ขนมปัง|แซนด์วิช|ไก่|สลัด|อาหาร|แกง|พิซซ่า|ครีม`,
    `ఫ్రిజ్|మైక్రోవేవ్|ఓవెన్|కెటిల్|డ్రైయర్|వాషింగ్ మెషిన్|హీటర్|ఛార్జర్|బ్యాటరీ|పవర్ బ్యాంక్|ఫోన్|రౌటర్|ప్లగ్|నిచ్చెన|కార్ సీట్|బొమ్మ|క్యాండిల్|కుక్కర్|చికెన్|సలాడ్|బ్రెడ్|శాండ్‌విచ్|ఫుడ్|భోజనం|క్రీమ్`,
    `${W}(?:ref|pridyider|microwave|oven|charger|baterya|cellphone|cp|router|saksakan|hagdan|car seat|laruan|kandila|kaldero|pressure cooker|tinapay|manok|pagkain|ulam|salad|krema)${E}`,
  ].join("|"),
  "giu",
);
