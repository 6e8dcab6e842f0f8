/**
 * What other rooms may use of ingest: the Ingestor (cases store an agent's reply through it like
 * any message) and the webhook signature scheme (alerts go out signed as webhooks come in).
 * Other rooms import these from here, never from ingest's inner files.
 *
 * @example
 * import { Ingestor, signWebhook } from "../ingest/public.js";
 */
export { Ingestor } from "./ingestor.js";
export { signWebhook, verifyWebhook, WEBHOOK_WINDOW_S } from "./webhook-signature.js";
