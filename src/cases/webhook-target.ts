/**
 * Where outgoing webhooks may go (issue 11, item 15). A subscription URL is a request the server
 * makes on someone's behalf, so without a check it reaches what only the server can reach: the
 * database port on loopback, the cloud metadata service on link-local, the office network. Only
 * public unicast addresses are allowed, unless an operator lists a network explicitly
 * (`ATTUNE_WEBHOOK_ALLOW=10.1.2.0/24,127.0.0.1`).
 *
 * The name is resolved and every address it resolves to is checked at delivery too, and the
 * connection goes to the address that was checked (see webhook-send.ts): a name that answers with
 * a public address at the check and a private one at the connect (DNS rebinding) gets nowhere.
 *
 * Non-public ranges follow the IANA special-purpose address registries (RFC 6890 and successors);
 * IPv4-mapped IPv6 is checked as the IPv4 address it carries, and the IPv6 transition ranges that
 * embed other addresses (NAT64, 6to4, Teredo) are refused outright.
 *
 * @example
 * const policy = targetPolicy("127.0.0.1/32");
 * await checkTarget(new URL("http://169.254.169.254/latest"), policy); // { ok: false, reason: "target_refused" }
 */
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { AttuneError } from "../core/errors.js";

const NON_PUBLIC_V4 = [
  "0.0.0.0/8",
  "10.0.0.0/8",
  "100.64.0.0/10",
  "127.0.0.0/8",
  "169.254.0.0/16",
  "172.16.0.0/12",
  "192.0.0.0/24",
  "192.0.2.0/24",
  "192.31.196.0/24",
  "192.52.193.0/24",
  "192.88.99.0/24",
  "192.168.0.0/16",
  "192.175.48.0/24",
  "198.18.0.0/15",
  "198.51.100.0/24",
  "203.0.113.0/24",
  "224.0.0.0/4",
  "240.0.0.0/4",
];
const NON_PUBLIC_V6 = [
  "::/127",
  "64:ff9b::/96",
  "64:ff9b:1::/48",
  "100::/64",
  "2001::/23",
  "2001:db8::/32",
  "2002::/16",
  "3fff::/20",
  "5f00::/16",
  "fc00::/7",
  "fe80::/10",
  "fec0::/10",
  "ff00::/8",
];

const nonPublic = new BlockList();
for (const net of NON_PUBLIC_V4) addSubnet(nonPublic, net);
for (const net of NON_PUBLIC_V6) addSubnet(nonPublic, net);

function addSubnet(list: BlockList, cidr: string): void {
  const [ip, bits] = cidr.split("/") as [string, string | undefined];
  const family = isIP(ip);
  if (family === 0)
    throw new AttuneError("config.invalid", { field: "ATTUNE_WEBHOOK_ALLOW", expected: "IP addresses or CIDR networks, comma separated" });
  const type = family === 4 ? "ipv4" : "ipv6";
  const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) {
    throw new AttuneError("config.invalid", { field: "ATTUNE_WEBHOOK_ALLOW", expected: "a prefix length within the address size" });
  }
  list.addSubnet(ip, prefix, type);
}

/** Which non-public networks an operator allowed webhooks to reach. */
export interface TargetPolicy {
  allowed: BlockList;
}

/** Parses the allow-list (`ATTUNE_WEBHOOK_ALLOW`): IPs or CIDR networks, comma separated; empty allows none. */
export function targetPolicy(spec: string | undefined): TargetPolicy {
  const allowed = new BlockList();
  for (const part of (spec ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean))
    addSubnet(allowed, part);
  return { allowed };
}

/** The address an IPv4-mapped IPv6 address (::ffff:a.b.c.d) carries, else the address itself. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

/** True when a webhook may connect to this IP address under the policy. */
export function addressAllowed(address: string, policy: TargetPolicy): boolean {
  const ip = unmapped(address);
  const family = isIP(ip);
  if (family === 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (policy.allowed.check(ip, type)) return true;
  if (family === 6 && /^::ffff:/i.test(ip)) return false; // mapped forms the regex above did not unwrap
  return !nonPublic.check(ip, type);
}

/** Resolves a host name to every address it has (injected in tests to play DNS rebinding). */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** Where to connect, once checked; or why not, as a code that says nothing about the target's ports. */
export type TargetCheck = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: "target_refused" | "unreachable" };

/**
 * Resolves the URL's host and checks every address it resolves to: one non-public address refuses
 * the target (a name must not mix a public and a private answer and let the connect pick).
 */
export async function checkTarget(url: URL, policy: TargetPolicy, resolve: Resolver = systemResolver): Promise<TargetCheck> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: "unreachable" };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: "unreachable" };
  if (!addresses.every((a) => addressAllowed(a.address, policy))) return { ok: false, reason: "target_refused" };
  const first = addresses[0]!;
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
