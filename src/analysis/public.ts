/**
 * What other rooms may use of analysis besides reading a message: the empathy check of a reply, the
 * reply drafts, and the scoring math and wording that case priority shares with the Reading's
 * urgency. Other rooms import these from here, never from analysis's inner files.
 *
 * @example
 * import { checkReply, noisyOr } from "../analysis/public.js";
 */
export { checkReply } from "./respond/check-reply.js";
export { draftReplies } from "./respond/draft-replies.js";
export type { Check, Draft } from "./respond/types.js";
export { noisyOr } from "./fuse/noisy-or.js";
export { ordinal } from "./fuse/fuse-urgency.js";
