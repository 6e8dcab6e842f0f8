import { matchRanges } from "./evidence.js";
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
  return matchRanges(text, HAZARD);
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
    // The wider vocabulary of injuries, food and vehicles, as each language says it (not taken from the sets' rows).
    `${W}(?:sharp edges?|cut (?:my|his|her|their) (?:finger|hand|foot|lip|mouth|leg)|swollen|rash|blister(?:s|ed)?|undercooked|raw (?:in the middle|inside)|past (?:its|the) (?:use-by|expiry)|choking hazard|small parts|came loose|brakes? (?:failed|don't work|didn't work)|tyre burst|tire blew|carbon monoxide (?:leak|poisoning)|fumes|toxic|hospitali[sz]ed|ambulance|A&E|ran a red light|nearly (?:hit|ran over|crashed))${E}`,
    `${W}(?:ostr[éáý] hran\\p{L}*|pořezal\\p{L}*|krvác\\p{L}*|otekl\\p{L}*|vyrážk\\p{L}*|puchýř\\p{L}*|nedopečen\\p{L}*|syrov[éáý]|dusil\\p{L}*|nefungoval\\p{L}* brzd\\p{L}*|výpar\\p{L}*|toxick\\p{L}*|na červenou|málem (?:srazil|nabour)\\p{L}*)${E}`,
    `มีดบาด|ขอบคม|เลือดไหล|บวมแดง|ผื่นขึ้น|พุพอง|ไม่สุก|สำลัก|เบรกไม่ทำงาน|ยางระเบิด|ควันพิษ|สารพิษ|ฝ่าไฟแดง|เกือบชน`,
    `కోసుకుంది|రక్తం కారు|వాపు|దద్దుర్లు|బొబ్బలు|ఉడకలేదు|గడువు ముగిసిన|ఊపిరాడ|బ్రేక్ పని చేయ|టైర్ పేలి|విషం|రెడ్ సిగ్నల్ జంప్`,
    `${W}(?:dumugo|namaga|pantal|paltos|hilaw pa|nabilaukan|walang preno|pumutok ang gulong|lason|lumusot sa red light|muntik (?:nang|na) (?:mabangga|masagasaan))${E}`,
  ].join("|"),
  "giu",
);
