/**
 * An IMAP Sent folder as the outbox's proof of sending: a reply is looked up by its Message-ID
 * (IMAP SEARCH HEADER) and, where the provider does not file SMTP submissions itself, filed there
 * after SMTP took it (as mail clients do), so the team sees it and a later check finds it.
 *
 * @example
 * const sent = imapSentFolder(await connectImap(opts), "Sent", { save: true });
 * await sent.contains("attune.9f…@example.com");
 */
import type { ImapFlow } from "imapflow";
import type { SentFolder } from "./smtp-outbox.js";

export function imapSentFolder(client: ImapFlow, mailbox: string, opts: { save: boolean }): SentFolder {
  const folder: SentFolder = {
    async contains(messageId) {
      const lock = await client.getMailboxLock(mailbox, { readOnly: true });
      try {
        const uids = await client.search({ header: { "message-id": `<${messageId}>` } }, { uid: true });
        return Array.isArray(uids) && uids.length > 0;
      } finally {
        lock.release();
      }
    },
  };
  if (opts.save)
    folder.save = async (raw) => {
      await client.append(mailbox, raw, ["\\Seen"]);
    };
  return folder;
}
