/**
 * The Reading context of a message as the reading stage builds it from what it loaded: channel,
 * audience and direction, the source's language hint, and up to ten earlier customer messages of
 * its thread (the engine reads a follow-up in the light of what came before).
 *
 * @example
 * const context = contextOf(message, threads); // { channel: "email", public: false, direction: "customer", thread: ["…"] }
 */
import type { Channel, Direction } from "../core/labels.js";
import type { ReadingContext } from "../core/reading.js";
import type { MessageToRead, ThreadHistory } from "../store/reading-batch.js";

/** Earlier customer messages of a thread the context carries at most. */
const THREAD_CONTEXT = 10;

export /** The Reading context of a message: its channel and audience, and up to ten earlier customer messages of its thread. */
function contextOf(m: MessageToRead, threads: ThreadHistory): ReadingContext {
  const before = (m.thread_id !== null ? (threads.get(m.thread_id) ?? []) : [])
    .filter((e) => e.sent_at < m.sent_at || (e.sent_at === m.sent_at && e.id < m.id))
    .slice(-THREAD_CONTEXT)
    .map((e) => e.text);
  return {
    channel: m.channel as Channel,
    public: m.is_public === 1,
    direction: m.direction as Direction,
    ...(m.audience !== null ? { audience: m.audience } : {}),
    ...(before.length ? { thread: before } : {}),
    ...(m.language_hint ? { languageHint: m.language_hint } : {}),
  };
}
