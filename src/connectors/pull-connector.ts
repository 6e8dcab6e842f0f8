/**
 * What every pull connector (Zendesk, Freshdesk, Intercom; IMAP alike) gives the sync loop: pages of
 * messages in attune's import format, each with the cursor to resume after it. The loop stores a
 * page, then saves its cursor, so a crash in between replays that page as duplicates and loses none.
 *
 * @example
 * for await (const page of connector.pages(savedCursor)) { store(page.messages); save(page.cursor); }
 */
import { LIMITS } from "../ingest/public.js";

/** One message as the ingestor takes it (MessageInput), keyed by the helpdesk's own ids. */
export type PulledMessage = Record<string, unknown> & { external_id: string };

export interface PullPage {
  messages: PulledMessage[];
  /** Opaque JSON: where the next sync resumes once this page is stored. */
  cursor: string;
  /** Tickets or conversations this page covered, for progress lines. */
  threads: number;
}

export interface PullConnector {
  /** The source name (external ids are unique within it) and cursor key, e.g. "zendesk:acme.zendesk.com". */
  readonly name: string;
  /** The vendor, kept as the source's kind. */
  readonly kind: string;
  /** Pages from `cursor` (null on the first sync) up to the helpdesk's present. */
  pages(cursor: string | null): AsyncGenerator<PullPage>;
}

/** The host of a base URL, for connector names ("https://acme.zendesk.com/" → "acme.zendesk.com"). */
export function hostOf(baseUrl: string): string {
  return new URL(baseUrl).host;
}

/** attune's channel for a helpdesk's channel name (Zendesk `via.channel`, Intercom `source.type`, …). */
export function channelOf(vendorChannel: string | undefined | null): "email" | "chat" | "social" | "call" | "review" | "forum" {
  const c = (vendorChannel ?? "").toLowerCase();
  if (/twitter|facebook|instagram|whatsapp_public|social|x_corp/.test(c)) return "social";
  if (/voice|phone|call/.test(c)) return "call";
  if (/chat|messag|conversation|sms|whatsapp|line|wechat|telegram|push|in_app|instagram_dm/.test(c)) return "chat";
  if (/review|app_store|google_play/.test(c)) return "review";
  if (/forum|community|help_center/.test(c)) return "forum";
  return "email";
}

/** ISO time from a Unix-seconds number (Intercom) or an ISO string (Zendesk, Freshdesk). */
export function isoTime(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return new Date(value * 1000).toISOString();
  if (typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString();
  return undefined;
}

/** An author in the import format, with fields cut to the ingest limits (a helpdesk may allow longer names). */
export function authorOf(id: string, name?: string | null, email?: string | null): { id: string; name?: string; email?: string } {
  return {
    id: id.slice(0, LIMITS.shortChars),
    ...(name ? { name: name.slice(0, LIMITS.shortChars) } : {}),
    ...(email ? { email: email.slice(0, LIMITS.shortChars) } : {}),
  };
}

/** A subject cut to the ingest limit, or nothing. */
export function subjectOf(subject: string | null | undefined): { subject?: string } {
  return subject ? { subject: subject.slice(0, LIMITS.subjectChars) } : {};
}
