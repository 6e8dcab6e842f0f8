/**
 * Raw RFC 5322 mails for the IMAP tests: plain UTF-8, multipart/alternative, multipart/mixed with a
 * binary attachment, TIS-620 Thai and Windows-1250 Czech (bodies and encoded-word subjects), four
 * mails a thread (a root and three replies with In-Reply-To and References, the third from the
 * support team). Each mail's text names its number, so a test can find what was stored for it.
 *
 * @example
 * const mails = mailCorpus(1000); // [{ n, messageId, thread, raw, expect }]
 */

export const SUPPORT_ADDRESS = "support@attune.test";
export const PER_THREAD = 4;

export interface CorpusMail {
  n: number;
  messageId: string;
  /** Message-ID of the thread's first mail. */
  root: string;
  kind: "plain" | "alternative" | "attachment" | "thai" | "czech";
  fromSupport: boolean;
  /** A phrase the stored text must contain, decoded. */
  expect: string;
  raw: string;
}

const KINDS = ["plain", "alternative", "attachment", "thai", "czech"] as const;

/** TIS-620 puts U+0E01..U+0E5B at 0xA1..0xFB; ASCII is itself. */
export function encodeTis620(text: string): Buffer {
  return Buffer.from([...text].map((ch) => (ch.codePointAt(0)! < 0x80 ? ch.codePointAt(0)! : ch.codePointAt(0)! - 0x0e00 + 0xa0)));
}

const CP1250 = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) CP1250.set(new TextDecoder("windows-1250").decode(Uint8Array.of(b)), b);

/** Windows-1250, from the decoder's own table read backwards. */
export function encodeCp1250(text: string): Buffer {
  return Buffer.from([...text].map((ch) => (ch.codePointAt(0)! < 0x80 ? ch.codePointAt(0)! : CP1250.get(ch)!)));
}

function qp(bytes: Buffer): string {
  let out = "";
  let line = 0;
  for (const b of bytes) {
    const piece =
      b === 0x0a
        ? "\r\n"
        : (b >= 33 && b <= 126 && b !== 61) || b === 32
          ? String.fromCharCode(b)
          : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (piece === "\r\n") line = 0;
    else if (line + piece.length > 72) {
      out += "=\r\n";
      line = 0;
    }
    out += piece;
    line += piece.length;
  }
  return out;
}

function wrap64(bytes: Buffer): string {
  return bytes.toString("base64").replace(/.{76}/g, "$&\r\n");
}

function body(kind: CorpusMail["kind"], n: number, quoted: boolean): { headers: string[]; text: string; expect: string } {
  const quote = quoted ? `\n\nOn Mon, 1 Dec 2026 at 10:00, someone wrote:\n> earlier text that belongs to the earlier mail ${n - 1}\n` : "";
  switch (kind) {
    case "thai": {
      const phrase = `พัสดุของฉันยังไม่มาถึง คำสั่งซื้อ ${n}`;
      return {
        headers: ["Content-Type: text/plain; charset=TIS-620", "Content-Transfer-Encoding: base64"],
        text: wrap64(encodeTis620(`สวัสดีครับ ${phrase}${quote}`)),
        expect: phrase,
      };
    }
    case "czech": {
      const phrase = `objednávka č. ${n} ještě nedorazila, žluťoučký kůň úpěl ďábelské ódy`;
      return {
        headers: ["Content-Type: text/plain; charset=windows-1250", "Content-Transfer-Encoding: quoted-printable"],
        text: qp(encodeCp1250(`Dobrý den, ${phrase}${quote}`)),
        expect: phrase,
      };
    }
    case "alternative": {
      const phrase = `The refund for order ${n} never arrived`;
      const b = `alt-${n}`;
      const html = `<html><body><p>${phrase}</p><p>Please help.</p></body></html>`;
      return {
        headers: [`Content-Type: multipart/alternative; boundary="${b}"`],
        text: `--${b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${phrase}. Please help.${quote}\r\n--${b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n--${b}--\r\n`,
        expect: phrase,
      };
    }
    case "attachment": {
      const phrase = `Photo of the broken item from order ${n} attached — it's cracked`;
      const b = `mix-${n}`;
      const png = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + n) % 256));
      return {
        headers: [`Content-Type: multipart/mixed; boundary="${b}"`],
        text: `--${b}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${phrase}${quote}\r\n--${b}\r\nContent-Type: image/png; name="broken-${n}.png"\r\nContent-Disposition: attachment; filename="broken-${n}.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${wrap64(png)}\r\n--${b}--\r\n`,
        expect: phrase,
      };
    }
    default: {
      const phrase = `My parcel ${n} is two weeks late`;
      return { headers: ["Content-Type: text/plain; charset=utf-8"], text: `${phrase}, where is it?${quote}`, expect: phrase };
    }
  }
}

function subject(kind: CorpusMail["kind"], thread: number, reply: boolean): string {
  const re = reply ? "Re: " : "";
  if (kind === "thai") return `=?TIS-620?B?${encodeTis620(`${re}พัสดุ ${thread}`).toString("base64")}?=`;
  if (kind === "czech") return `=?windows-1250?B?${encodeCp1250(`${re}Objednávka ${thread}`).toString("base64")}?=`;
  return `${re}Order ${thread}`;
}

/** `count` mails, in the order they arrive. */
export function mailCorpus(count: number, domain = "corpus.attune.test"): CorpusMail[] {
  const out: CorpusMail[] = [];
  for (let n = 0; n < count; n++) {
    const thread = Math.floor(n / PER_THREAD);
    const pos = n % PER_THREAD;
    const kind = KINDS[n % KINDS.length]!;
    const id = `m${n}@${domain}`;
    const root = `m${thread * PER_THREAD}@${domain}`;
    const earlier = Array.from({ length: pos }, (_, i) => `<m${thread * PER_THREAD + i}@${domain}>`);
    const fromSupport = pos === 2;
    const b = body(kind, n, pos > 0);
    const headers = [
      `From: ${fromSupport ? `Support <${SUPPORT_ADDRESS}>` : `Customer ${thread} <customer${thread}@example.com>`}`,
      `To: ${fromSupport ? `customer${thread}@example.com` : SUPPORT_ADDRESS}`,
      `Subject: ${subject(kind, thread, pos > 0)}`,
      `Date: ${new Date(Date.UTC(2026, 10, 1) + n * 60_000).toUTCString()}`,
      `Message-ID: <${id}>`,
      ...(pos > 0 ? [`In-Reply-To: ${earlier[earlier.length - 1]}`, `References: ${earlier.join(" ")}`] : []),
      "MIME-Version: 1.0",
      ...b.headers,
    ];
    out.push({
      n,
      messageId: id,
      root,
      kind,
      fromSupport,
      expect: b.expect,
      raw: `${headers.join("\r\n")}\r\n\r\n${b.text.replace(/\r?\n/g, "\r\n")}`,
    });
  }
  return out;
}
