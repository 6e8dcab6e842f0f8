/**
 * One webhook POST to an address checked beforehand (webhook-target.ts): node:http(s) with a
 * `lookup` that answers the checked address, so the connection cannot be steered elsewhere by a
 * second DNS answer, while TLS still verifies the certificate for the URL's host name (SNI and
 * the name check use the host, not the address). Redirects are not followed.
 *
 * @example
 * const status = await sendPinned(new URL("https://ops.example.com/hook"), { address: "93.184.216.34", family: 4 }, { headers, body, timeoutMs: 10_000 });
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";

export interface OutgoingPost {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends a POST to `address` for `url` and resolves with the HTTP status; rejects on any network failure or timeout. */
export type PinnedSender = (url: URL, target: { address: string; family: 4 | 6 }, post: OutgoingPost) => Promise<number>;

export const sendPinned: PinnedSender = (url, target, post) =>
  new Promise((resolve, reject) => {
    const lookup: LookupFunction = (_host, options, callback) => {
      if ((options as { all?: boolean }).all)
        (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
          { address: target.address, family: target.family },
        ]);
      else callback(null, target.address, target.family);
    };
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = request(
      url,
      { method: "POST", headers: { ...post.headers, "content-length": String(Buffer.byteLength(post.body)) }, lookup },
      (res) => {
        clearTimeout(timer);
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    // One deadline for connect and answer together (a socket timeout alone restarts with every byte).
    const timer = setTimeout(() => req.destroy(new Error("timeout")), post.timeoutMs);
    req.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(post.body);
  });
