/**
 * The SMTP half of `attune sync imap`: with `--smtp-host`, after each IMAP pass the reply outbox is
 * sent over SMTP (nodemailer), at most once per reply, with the IMAP Sent folder as the proof of
 * sending (docs/connectors.md; connectors/smtp-settings.ts). The SMTP password comes from the
 * variable `--smtp-password-env` names.
 *
 * @example
 * const afterPass = outboxSender(store, values, namedVariable); // undefined without --smtp-host
 */
export { outboxSender } from "../connectors/smtp-settings.js";

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
