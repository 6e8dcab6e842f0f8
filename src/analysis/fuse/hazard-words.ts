import { spans } from "./contact-count.js";
import type { Range } from "./evidence.js";

/**
 * Hazards said as what happened, not with a danger word (issue 12): someone fell, slipped or
 * tripped; a burn, a scald or a chemical on the skin; live wires and shocks; safety gear that
 * snapped; mould eaten; a machine running with its door open; a card skimmer; tap water the wrong
 * colour; a vehicle driven into a car or through a street with children; something that shattered
 * or flew off while in use. "the ladder I bought buckled on the second step, I fell", "dráty pod
 * proudem", "สายไฟเปลือย", "current wires bayatake", "nadulas tatay ko".
 *
 * The patterns of every seed language run on every message (different words and scripts; Taglish
 * and romanised Telugu mix in English). The caller skips agents; a settled problem's hazard is past.
 *
 * @example
 * hazardSaid("The floor by the toilets was soaking wet and no sign, my dad slipped"); // [{start: 62, end: 69}]
 */
export function hazardSaid(text: string): Range[] {
  return spans(text, HAZARD);
}

const W = "(?<![\\p{L}\\p{M}\\p{N}])";
const E = "(?![\\p{L}\\p{M}])";
const HAZARD = new RegExp(
  [
    // en
    `${W}(?:(?:I|he|she|we|mum|mom|dad|son|daughter|kid|child) (?:fell|slipped|tripped)|(?:my|our) (?:mum|mom|dad|son|daughter|kid|child|toddler|grandma|grandad) (?:fell|slipped|tripped|was (?:hurt|burned|burnt|scalded))|hands? (?:are|is) burning|scald(?:ed|ing)?|live wires?|exposed wires?|seat ?belt (?:was )?broken|strap snapped|(?:car seat|seat ?belt|harness)[^.!?\\n]{0,20}(?:snapped|broke|broken)|shattered|skimmer|(?:mould|mold|mouldy|moldy)[^.!?\\n]{0,30}(?:ate|eaten|eating)|(?:ate|eaten)[^.!?\\n]{0,30}(?:mould|mold)|running with the door open|reversed into|route (?:straight )?through a motorway|huge hole|leaking (?:some )?chemical|discoloured|discolored|melted|went to (?:the )?(?:ER|A&E|emergency))${E}`,
    // cs
    `${W}(?:spadl[aio]? jsem|zakopl[aa]?|uklouzl[aa]?|dostal[aa]? jsem ránu|pálí mě|vařící|opařil\\p{L}*|pod proudem|dráty|praskl[aoy]?|skimovací|plesniv\\p{L}*|hnědá voda|couval\\p{L}*|trasu přes dálnici|díra v podlaze|chemikáli\\p{L}*|odbarvil\\p{L}*|nemocní|s otevřen\\p{L}* dvířk\\p{L}*|otevřený dvířka|jel \\d+ v)${E}`,
    // th
    `ตกลงมา|สะดุดล้ม|ลื่นล้ม|พื้นลื่น|สายไฟเปลือย|สายไฟโผล่|ขาดตั้งแต่|เข็มขัด\\S{0,20}เสีย|สกิมเมอร์|ขึ้นรา(?!ค)|น้ำ\\S{0,6}สีน้ำตาล|ถอยรถชน|ชนรถ|(?:ไป|เข้า)ห้องฉุกเฉิน|ละลาย|ไหม้|แตกตอน|ร้อนจน(?:จับไม่ได้|ชั้น|ไหม้|เปลี่ยนสี|ละลาย)|เปิดประตูแล้วยังทำงาน|ซุปร้อน|น้ำร้อนลวก|หกใส่`,
    // te (script and romanised)
    `కింద పడ్డా\\p{M}*|జారి పడ్డా\\p{M}*|తెగిపోయింది|స్కిమ్మర్|ఎగిరిపోయింది|గుద్దాడు|హైవే మీదుగా|తెరిచి ఉన్నా|అనారోగ్యం\\p{L}*`,
    `${W}(?:jaari paddaru|jaari padda\\p{L}*|kinda padda\\p{L}*|tadabadindi|current wires|live wires|nippu ravvalu|nippu|karigipoyi|kaalipoyindi|glass mukka|boojju|glass[^.!?\\n]{0,30}pagilipoyindi|vedi vedi|mandutunnayi|chemical leak|60 lo)${E}`,
    // tl
    `${W}(?:nahulog (?:ako|siya|sya|anak|nanay|tatay|lola|lolo)|nadulas|natisod|natapunan|mainit na sabaw|humahapdi|tumatagas na kemikal|live na wires|nakalabas (?:sa pader )?(?:yung )?(?:live na )?wires?|naputol yung strap|skimmer|kulay brown ang tubig|inatras|bukas ang pinto|lumipad yung takip|pinadaan ako sa expressway|malaking butas|naglalaro mga bata)${E}`,
  ].join("|"),
  "giu",
);
