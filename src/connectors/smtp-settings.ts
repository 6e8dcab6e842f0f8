/**
 * The SMTP half of a mailbox connector, from its flags or stored settings (`smtp-host`, `smtp-port`,
 * `smtp-tls`, `smtp-user`, `sent-mailbox`, `provider-files-sent`): after each IMAP pass the reply
 * outbox is sent over SMTP (nodemailer), at most once per reply, with the IMAP Sent folder as the
 * proof of sending (docs/connectors.md). `attune sync imap` and `serve`'s stored connectors use it.
 *
 * @example
 * const afterPass = outboxSender(store, values, namedVariable); // undefined without smtp-host
 */
import type { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { AttuneError } from "../core/errors.js";
import type { Store } from "../store/open-store.js";
import { imapSentFolder } from "./imap-sent-folder.js";
import { sendOutbox } from "./smtp-outbox.js";
import { secretFromEnv, type FlagValues } from "./sync-vendors.js";

/**
 * The outbox step to run after each pass, or undefined without `--smtp-host`. `env` reads the
 * variable `--smtp-password-env` names (serve passes a stored connector's secret).
 */
export function outboxSender(
  store: Store,
  v: FlagValues,
  env: (name: string) => string | undefined,
): ((client: ImapFlow) => Promise<void>) | undefined {
  const host = v["smtp-host"] as string | undefined;
  if (!host) return undefined;
  const tls = v["smtp-tls"] === true;
  const port = Number(v["smtp-port"] ?? (tls ? 465 : 587));
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new AttuneError("cli.usage", { flag: "--smtp-port", reason: "1..65535" });
  const user = v["smtp-user"] as string | undefined;
  const auth = user ? { user, pass: secretFromEnv(v, "smtp-password-env", env) } : undefined;
  const transport = nodemailer.createTransport({ host, port, secure: tls, ...(auth ? { auth } : {}) });
  const mailbox = (v["sent-mailbox"] as string | undefined) ?? "Sent";
  const save = v["provider-files-sent"] !== true;
  return async (client) => {
    const report = await sendOutbox(store, transport, { sentFolder: imapSentFolder(client, mailbox, { save }) });
    if (Object.values(report).some((n) => n > 0)) process.stderr.write(`${JSON.stringify({ outbox: report })}\n`);
  };
}
