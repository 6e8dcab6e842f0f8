/**
 * Reading vendor webhook payloads defensively: a field of the wrong shape reads as absent, never
 * as a crash; and what a vendor mapping gives back (a message, or why the payload holds none).
 *
 * @example
 * const sender = obj(payload.sender); text(sender.id); // "14" for 14 or "14", undefined for null
 */
import type { MessageInput } from "../ingest/public.js";

export type PushMapping = { message: MessageInput } | { skip: string };

export type Obj = Record<string, unknown>;

/** The value as an object, or an empty one. */
export const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});

/** A non-empty string, or a number as text; otherwise undefined. */
export const text = (v: unknown): string | undefined =>
  typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
