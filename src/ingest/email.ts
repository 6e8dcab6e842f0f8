/**
 * Email import: single .eml files and mbox archives. Each email becomes one message (sender as the
 * author, subject, plain body without quoted replies) and emails are threaded by Message-ID,
 * In-Reply-To and References: a reply joins the thread of the message it answers, whether that
 * message came earlier in the same file or in an earlier import.
 *
 * @example
 * const threads = new EmailThreads();
 * await importEml(bytes, ingestor, threads, 1);
 * await importMbox(fileBytes("archive.mbox"), ingestor, { maxRows: 1e6 });
 */
import { createHash } from "node:crypto";
import PostalMime from "postal-mime";
import { AttuneError } from "../core/errors.js";
import { splitLines, type ByteSource } from "./byte-streams.js";
import type { Ingestor } from "./ingestor.js";
import { LIMITS } from "./limits.js";

/** Message-ID -> thread key, for the emails seen so far in this import. */
export class EmailThreads {
  private readonly byId = new Map<string, string>();
  /**
   * Picks the thread key of an email and remembers it for later replies. `nearest` lists the ids it
   * refers to, parent first and root last: a known one gives its thread, else the root names it.
   */
  resolve(own: string, nearest: string[]): string {
    let key: string | undefined;
    for (const r of nearest) {
      key = this.byId.get(r);
      if (key) break;
    }
    key ??= nearest[nearest.length - 1] ?? own;
    if (this.byId.size < 1_000_000) this.byId.set(own, key);
    return key;
  }
}

const NO_AGENTS: ReadonlySet<string> = new Set();

/**
 * Parses one email and hands it to the ingestor as row `row`. Mail from one of `agents` (lower-case
 * addresses: the support team's own, as in a mailbox that also holds its replies) is an agent message.
 */
export async function importEml(
  bytes: Uint8Array,
  ing: Ingestor,
  threads: EmailThreads,
  row: number,
  channelDefault = "email",
  agents: ReadonlySet<string> = NO_AGENTS,
): Promise<void> {
  if (bytes.byteLength > LIMITS.emailBytes) {
    ing.reject(row, [{ row, code: "input.too_large" }]);
    return;
  }
  let mail;
  try {
    mail = await PostalMime.parse(bytes, { maxNestingDepth: 32, maxHeadersSize: 256 * 1024 });
  } catch {
    ing.reject(row, [{ row, code: "input.unsupported_format" }]);
    return;
  }
  const own = idsIn(mail.messageId ?? "")[0] ?? "sha256:" + createHash("sha256").update(bytes).digest("hex");
  const inReplyTo = idsIn(mail.inReplyTo ?? "");
  const references = idsIn(mail.references ?? "");
  // Nearest first: the direct parent, then the References from newest to oldest (root last).
  const nearest = [...inReplyTo, ...[...references].reverse()].filter((r) => r !== own);
  const thread = threads.resolve(own, nearest);
  const from = mail.from && "address" in mail.from && mail.from.address ? mail.from : undefined;
  const body = bodyText(mail.text, mail.html);
  const sentAt = mail.date ? Date.parse(mail.date) : NaN;
  const value: Record<string, unknown> = {
    external_id: own.slice(0, LIMITS.shortChars),
    text: body,
    channel: channelDefault,
    thread: thread.slice(0, LIMITS.shortChars),
    ...(mail.subject ? { subject: mail.subject.slice(0, LIMITS.subjectChars) } : {}),
    ...(from ? { author: { id: from.address!, email: from.address!, ...(from.name ? { name: from.name } : {}) } } : {}),
    ...(Number.isFinite(sentAt) ? { sent_at: new Date(sentAt).toISOString() } : {}),
    ...(from && agents.has(from.address!.toLowerCase()) ? { direction: "agent" } : {}),
  };
  if (!body) {
    ing.reject(row, [{ row, field: "text", code: "input.empty" }]);
    return;
  }
  await ing.add(row, value, { threadRefs: nearest });
}

/**
 * Splits an mbox archive into emails: a line starting "From " at the start or after an empty line
 * begins the next one; ">From " lines are unescaped (mboxrd). Each email is bounded in size.
 */
export async function importMbox(source: ByteSource, ing: Ingestor, opts: { maxRows: number }): Promise<void> {
  const threads = new EmailThreads();
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  let rows = 0;
  let prevBlank = true;
  const flush = async () => {
    if (parts.length === 0 && !tooBig) return;
    rows += 1;
    if (rows > opts.maxRows) throw new AttuneError("input.too_large", { limit: opts.maxRows, unit: "rows" });
    if (tooBig) ing.reject(rows, [{ row: rows, code: "input.too_large" }]);
    else await importEml(Buffer.concat(parts), ing, threads, rows);
    parts = [];
    size = 0;
    tooBig = false;
  };
  const NL = Buffer.from("\n");
  let started = false;
  for await (const line of splitLines(source, LIMITS.emailBytes)) {
    const bytes = line.bytes;
    if (bytes && prevBlank && startsWith(bytes, "From ")) {
      if (started) await flush();
      started = true;
      prevBlank = false;
      continue;
    }
    if (!started) {
      prevBlank = bytes !== undefined && bytes.byteLength === 0;
      continue;
    }
    prevBlank = bytes !== undefined && bytes.byteLength === 0;
    size += line.size + 1;
    if (!bytes || size > LIMITS.emailBytes) {
      tooBig = true;
      parts = [];
      continue;
    }
    if (tooBig) continue;
    parts.push(unescapeFrom(bytes), NL);
  }
  if (started) await flush();
  else throw new AttuneError("input.unsupported_format", { reason: "mbox" });
}

function startsWith(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.byteLength < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

function unescapeFrom(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.byteLength && bytes[i] === 0x3e) i++;
  return i > 0 && startsWith(bytes.subarray(i), "From ") ? bytes.subarray(1) : bytes;
}

/** The angle-bracketed ids in a Message-ID / In-Reply-To / References header, brackets removed. */
export function idsIn(header: string): string[] {
  const out: string[] = [];
  for (const m of header.matchAll(/<([^<>\s]{1,500})>/g)) out.push(m[1]!);
  if (out.length === 0 && header.trim() && !/\s/.test(header.trim())) out.push(header.trim());
  return out;
}

/** Plain body text without quoted earlier messages (they belong to their own messages). */
export function bodyText(text: string | undefined, html: string | undefined): string {
  const raw = text ?? (html ? htmlToText(html) : "");
  const kept: string[] = [];
  for (const line of raw.split(/\r?\n/)) {
    if (line.startsWith(">")) continue;
    if (/^On .{1,300} wrote:\s*$/.test(line) || /^-----\s?Original Message\s?-----/i.test(line)) break;
    kept.push(line);
  }
  return kept.join("\n").trim().slice(0, LIMITS.textChars);
}

function htmlToText(html: string): string {
  return (
    html
      // Classes exclude "<" so each attempt stops at the next tag: linear on any input.
      .replace(/<(script|style)[^<>]{0,1000}>[^<]{0,100000}<\/(script|style)>/gi, "")
      .replace(/<br\s{0,10}\/?>|<\/p>|<\/div>/gi, "\n")
      .replace(/<[^<>]{0,5000}>/g, "")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
  );
}
