/**
 * The Telugu message catalogue (partial: navigation, sign-in, filters and the Reading's labels;
 * other keys fall back to English).
 *
 * @example
 * te["nav.overview"]; // "అవలోకనం"
 */
import type { MessageKey } from "./en.js";

export const te: Partial<Record<MessageKey, string>> = {
  "nav.overview": "అవలోకనం",
  "nav.messages": "సందేశాలు",
  "nav.queue": "క్యూ",
  "nav.public": "పబ్లిక్ ఛానెల్స్",
  "nav.people": "ఉద్యోగుల బృందం",
  "nav.settings": "సెట్టింగ్‌లు",
  "nav.language": "ఇంటర్‌ఫేస్ భాష",
  "nav.signOut": "సైన్ అవుట్",
  "signIn.lead": "మీ కస్టమర్లు ఏమి అనుభవిస్తున్నారో, ఎందుకో చూడటానికి సైన్ ఇన్ చేయండి.",
  "signIn.email": "ఇమెయిల్",
  "signIn.password": "పాస్‌వర్డ్",
  "signIn.submit": "సైన్ ఇన్",
  "signIn.failed": "ఇమెయిల్ లేదా పాస్‌వర్డ్ సరైనది కాదు.",
  "filters.range": "సమయం",
  "filters.lastDays": "గత {n} రోజులు",
  "filters.allTime": "మొత్తం కాలం",
  "filters.channel": "ఛానెల్",
  "filters.language": "భాష",
  "filters.team": "బృందం",
  "filters.all": "అన్నీ",
  "overview.title": "అవలోకనం",
  "overview.messages": "సందేశాలు",
  "overview.negativeShare": "ప్రతికూలం",
  "overview.volume": "రోజువారీ పరిమాణం మరియు భావన",
  "overview.emotions": "భావోద్వేగాల మిశ్రమం",
  "overview.urgency": "అత్యవసరత",
  "messages.title": "సందేశాలు",
  "messages.searchButton": "వెతుకు",
  "sentiment.positive": "సానుకూలం",
  "sentiment.neutral": "తటస్థం",
  "sentiment.negative": "ప్రతికూలం",
  "emotion.anger": "కోపం",
  "emotion.frustration": "నిరాశ",
  "emotion.disappointment": "నిరుత్సాహం",
  "emotion.sadness": "బాధ",
  "emotion.worry": "ఆందోళన",
  "emotion.confusion": "గందరగోళం",
  "emotion.surprise": "ఆశ్చర్యం",
  "emotion.joy": "ఆనందం",
  "emotion.gratitude": "కృతజ్ఞత",
  "emotion.trust": "నమ్మకం",
  "channel.email": "ఇమెయిల్",
  "channel.chat": "చాట్",
  "channel.social": "సోషల్",
  "channel.review": "సమీక్ష",
};
