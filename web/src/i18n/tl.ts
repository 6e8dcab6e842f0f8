/**
 * The Tagalog message catalogue (partial: navigation, sign-in, filters and the Reading's labels;
 * other keys fall back to English).
 *
 * @example
 * tl["nav.messages"]; // "Mga mensahe"
 */
import type { MessageKey } from "./en.js";

export const tl: Partial<Record<MessageKey, string>> = {
  "nav.overview": "Pangkalahatang-tanaw",
  "nav.messages": "Mga mensahe",
  "nav.queue": "Pila",
  "nav.public": "Mga pampublikong channel",
  "nav.people": "People team",
  "nav.settings": "Mga setting",
  "nav.language": "Wika ng interface",
  "nav.signOut": "Mag-sign out",
  "signIn.lead": "Mag-sign in para makita kung ano ang nararamdaman ng mga customer at bakit.",
  "signIn.email": "Email",
  "signIn.password": "Password",
  "signIn.submit": "Mag-sign in",
  "signIn.failed": "Mali ang email o password.",
  "filters.range": "Panahon",
  "filters.lastDays": "Huling {n} araw",
  "filters.allTime": "Lahat ng panahon",
  "filters.channel": "Channel",
  "filters.language": "Wika",
  "filters.team": "Team",
  "filters.all": "Lahat",
  "overview.title": "Pangkalahatang-tanaw",
  "overview.messages": "mensahe",
  "overview.negativeShare": "negatibo",
  "overview.volume": "Dami at damdamin bawat araw",
  "overview.emotions": "Halo ng damdamin",
  "overview.urgency": "Pagkaapurahan",
  "messages.title": "Mga mensahe",
  "messages.searchButton": "Hanapin",
  "sentiment.positive": "positibo",
  "sentiment.neutral": "neutral",
  "sentiment.negative": "negatibo",
  "emotion.anger": "galit",
  "emotion.frustration": "inis",
  "emotion.disappointment": "pagkadismaya",
  "emotion.sadness": "lungkot",
  "emotion.worry": "pag-aalala",
  "emotion.confusion": "pagkalito",
  "emotion.surprise": "pagkagulat",
  "emotion.joy": "saya",
  "emotion.gratitude": "pasasalamat",
  "emotion.trust": "tiwala",
};
