/**
 * The IMAP resume point: the mailbox's UIDVALIDITY and the highest UID already stored. UIDs only
 * grow within one UIDVALIDITY, so "UID > last" is exactly the new mail; when the server changes
 * UIDVALIDITY (a rebuilt or restored mailbox) every UID may have been renumbered, so the sync starts
 * over from UID 1 and the Message-ID (each message's external id) keeps what was stored from being
 * stored twice.
 *
 * @example
 * const start = resumeFrom(parseImapCursor(saved), "1796648727"); // { after: 120, reset: false }
 */

export interface ImapCursor {
  /** UIDVALIDITY as decimal text (a 32-bit unsigned value; imapflow gives it as a bigint). */
  uidValidity: string;
  /** The highest UID whose message is stored. */
  uid: number;
}

/** Reads a saved cursor; anything unreadable counts as none (a full, deduplicated resync). */
export function parseImapCursor(text: string | null): ImapCursor | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<ImapCursor>;
    if (typeof v.uidValidity === "string" && /^\d{1,20}$/.test(v.uidValidity) && Number.isSafeInteger(v.uid) && v.uid! >= 0)
      return { uidValidity: v.uidValidity, uid: v.uid! };
  } catch {
    // fall through: start over
  }
  return null;
}

export function formatImapCursor(cursor: ImapCursor): string {
  return JSON.stringify(cursor);
}

/** Where this pass starts: after the saved UID, or from the start when UIDVALIDITY changed. */
export function resumeFrom(saved: ImapCursor | null, uidValidity: string): { after: number; reset: boolean } {
  if (!saved) return { after: 0, reset: false };
  if (saved.uidValidity !== uidValidity) return { after: 0, reset: true };
  return { after: saved.uid, reset: false };
}
