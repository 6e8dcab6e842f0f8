/**
 * Where an `attune sync imap` pass resumes. The cursor is keyed by what identifies the mailbox (the
 * server's host and port, the user, the mailbox) and the source it is stored under, so two servers
 * or two accounts synced into one source never resume from each other's place. UIDVALIDITY stays in
 * the cursor's value (imap-cursor.ts).
 *
 * A cursor saved under the old key (`imap:<source>:<mailbox>`) is not adopted: it names no server,
 * and when several mailboxes shared it each may have skipped mail by resuming after another's UID
 * (even its content cannot tell: dovecot's UIDVALIDITY is the mailbox's creation second, and a
 * mailbox that synced under the shared key has its mail stored too). So the first pass under the
 * new key starts from UID 1 once: what is stored counts as duplicates by Message-ID (never stored
 * twice), mail the shared cursor skipped is stored, and the old cursor is removed.
 *
 * @example
 * const { name, after } = await resumePoint(store, opts, "1796648727");
 */
import { clearCursor, readCursor } from "../store/connector-cursors.js";
import type { Store } from "../store/open-store.js";
import { parseImapCursor, resumeFrom } from "./imap-cursor.js";

/** What names a mailbox's cursor (the fields of ImapOptions it needs). */
export interface MailboxIdentity {
  host: string;
  port: number;
  user: string;
  mailbox: string;
  source: string;
  /** A stored connector's own cursor name (by its id). */
  cursorName?: string;
}

const part = (s: string) => encodeURIComponent(s);

/** The cursor's name: `imap-box:<source>:<user>@<host>:<port>/<mailbox>`, each part URI-encoded (host lower-cased). */
export function mailboxCursorName(id: MailboxIdentity): string {
  return `imap-box:${part(id.source)}:${part(id.user)}@${part(id.host.toLowerCase())}:${id.port}/${part(id.mailbox)}`;
}

/** The name cursors had before they were keyed by server and user (shared by all mailboxes of a source). */
export function legacyCursorName(id: Pick<MailboxIdentity, "source" | "mailbox">): string {
  return `imap:${id.source}:${id.mailbox}`;
}

/** The cursor name this pass saves under and the UID it resumes after (0: from the start). */
export async function resumePoint(store: Store, id: MailboxIdentity, uidValidity: string): Promise<{ name: string; after: number }> {
  const name = id.cursorName ?? mailboxCursorName(id);
  const saved = parseImapCursor(await readCursor(store.db, store.workspaceId, name));
  // A first pass under this key: the shared old cursor is dropped (see above) and the pass reads from UID 1.
  if (!saved && !id.cursorName) await clearCursor(store.db, store.workspaceId, legacyCursorName(id));
  return { name, after: resumeFrom(saved, uidValidity).after };
}
