/**
 * The SMTP half of `attune sync imap`: with `--smtp-host`, after each IMAP pass the reply outbox is
 * sent over SMTP (nodemailer), at most once per reply, with the IMAP Sent folder as the proof of
 * sending (docs/connectors.md). The SMTP password comes from the variable `--smtp-password-env` names.
 *
 * @example
 * const afterPass = outboxSender(store, values); // undefined without --smtp-host
 */
import type { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { imapSentFolder } from "../connectors/imap-sent-folder.js";
import { sendOutbox } from "../connectors/smtp-outbox.js";
import { namedVariable } from "../core/config.js";
import { AttuneError } from "../core/errors.js";
import type { Store } from "../store/open-store.js";
import { secretFromEnv, type FlagValues } from "../connectors/sync-vendors.js";

const str = { type: "string" } as const;

export const SMTP_FLAGS = {
  "smtp-host": str,
  "smtp-port": str,
  "smtp-user": str,
  "smtp-password-env": str,
  "smtp-tls": { type: "boolean" },
  "sent-mailbox": str,
  "provider-files-sent": { type: "boolean" },
} as const;

export const SMTP_USAGE = `  [--smtp-host HOST [--smtp-port 587] [--smtp-tls] [--smtp-user USER --smtp-password-env VAR]
   [--sent-mailbox Sent] [--provider-files-sent]]
--smtp-host: after each pass, send the queued email replies (POST /messages/:id/email-reply) at most once;
  --smtp-tls for TLS from the first byte (port 465), else STARTTLS when offered; the Sent folder proves
  what was sent after a crash; --provider-files-sent when the provider files SMTP submissions there itself.`;

/** The outbox step to run after each pass, or undefined without `--smtp-host`. */
export function outboxSender(store: Store, v: FlagValues): ((client: ImapFlow) => Promise<void>) | undefined {
  const host = v["smtp-host"] as string | undefined;
  if (!host) return undefined;
  const tls = v["smtp-tls"] === true;
  const port = Number(v["smtp-port"] ?? (tls ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AttuneError("cli.usage", { flag: "--smtp-port", reason: "1..65535" });
  const user = v["smtp-user"] as string | undefined;
  const auth = user ? { user, pass: secretFromEnv(v, "smtp-password-env", namedVariable) } : undefined;
  const transport = nodemailer.createTransport({ host, port, secure: tls, ...(auth ? { auth } : {}) });
  const mailbox = (v["sent-mailbox"] as string | undefined) ?? "Sent";
  const save = v["provider-files-sent"] !== true;
  return async (client) => {
    const report = await sendOutbox(store, transport, { sentFolder: imapSentFolder(client, mailbox, { save }) });
    if (Object.values(report).some((n) => n > 0)) process.stderr.write(`${JSON.stringify({ outbox: report })}\n`);
  };
}
