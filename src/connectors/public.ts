/**
 * What other rooms may use of connectors: queueing a case's reply as an email to the customer's
 * message, under a Message-ID derived from its idempotency key (cases send replies the way the
 * thread came in). Other rooms import these from here, never from connectors' inner files.
 *
 * @example
 * import { queueEmailReply, replyMessageId } from "../connectors/public.js";
 */
export { queueEmailReply, replyMessageId } from "./email-reply.js";
