/**
 * What other rooms may use of ingest: the Ingestor (cases store an agent's reply through it like
 * any message; connectors store what they pull), the webhook signature scheme (alerts go out signed
 * as webhooks come in), and for connectors the message shape, the limits and the email reader.
 * Other rooms import these from here, never from ingest's inner files.
 *
 * @example
 * import { Ingestor, signWebhook } from "../ingest/public.js";
 */
export { bodyText, EmailThreads, importEml } from "./email.js";
export { Ingestor, type IngestCounts } from "./ingestor.js";
export { LIMITS } from "./limits.js";
export type { MessageInput } from "./message-input.js";
export { signWebhook, verifyWebhook, WEBHOOK_WINDOW_S } from "./webhook-signature.js";
