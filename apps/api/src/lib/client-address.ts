import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./env.ts";

/**
 * Which proxies in front of Envol may say who the client is (TRUST_PROXY): none (the default:
 * the socket's peer is the client, X-Forwarded-For is ignored), the proxies' addresses, or a
 * number of proxies whatever their addresses.
 */
export type TrustProxy =
  | { readonly kind: "none" }
  | { readonly kind: "hops"; readonly hops: number }
  | { readonly kind: "addresses"; readonly list: BlockList };

export const TRUST_NO_PROXY: TrustProxy = { kind: "none" };

/** Names for the usual ranges, so that TRUST_PROXY=loopback,private reads as meant. */
const RANGES: Record<string, readonly string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/**
 * TRUST_PROXY as written: unset or `false` (trust none), a hop count (`1`), or a comma-separated
 * list of addresses, CIDR ranges and the names `loopback` and `private`
 * (`10.0.0.5, 192.168.0.0/16, loopback`).
 *
 * @throws Error naming the entry that is not an address, a range or a count
 */
export const parseTrustProxy = (value: string | undefined): TrustProxy => {
  const text = value?.trim() ?? "";
  if (text === "" || text === "false") return TRUST_NO_PROXY;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > 32) throw new Error("a hop count must be between 1 and 32");
    return { kind: "hops", hops };
  }
  const list = new BlockList();
  for (const entry of text.split(",").map((e) => e.trim())) {
    const named = RANGES[entry];
    for (const range of named ?? [entry]) {
      const [address = "", prefix] = range.split("/");
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (
        family === 0 ||
        (prefix !== undefined && !/^\d+$/.test(prefix)) ||
        bits > (family === 6 ? 128 : 32)
      )
        throw new Error(
          `"${entry}" is not an IP address, a CIDR range, "loopback", "private" or a hop count`,
        );
      list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
    }
  }
  return { kind: "addresses", list };
};

/** `::ffff:192.0.2.1` (an IPv4 peer of a dual-stack socket) is 192.0.2.1. */
const plain = (address: string) => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
};

const trusted = (list: BlockList, address: string) =>
  list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");

/**
 * The client's address: the socket's peer, unless it is a trusted proxy, in which case
 * X-Forwarded-For is read from its right end (the entry the nearest proxy added) past every
 * trusted proxy (or past `hops` of them). An entry that is not an address ends the walk at the
 * proxy that passed it on: what a client writes there itself is never believed.
 */
export const clientAddressOf = (
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trust: TrustProxy,
): string | undefined => {
  if (socketAddress === undefined) return undefined;
  let client = plain(socketAddress);
  if (trust.kind === "none") return client;
  const forwarded = (forwardedFor ?? "")
    .split(",")
    .map((a) => plain(a.trim()))
    .filter((a) => a !== "")
    .reverse();
  for (let i = 0; i < forwarded.length; i++) {
    const isProxy = trust.kind === "hops" ? i < trust.hops : trusted(trust.list, client);
    if (!isProxy) break;
    const next = forwarded[i] as string;
    if (isIP(next) === 0) break;
    client = next;
  }
  return client;
};

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 is the last two). */
const ipv6Groups = (address: string): number[] => {
  const [head = "", tail] = (address.split("%")[0] ?? "").split("::");
  const groups = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (!group.includes(".")) return [Number.parseInt(group, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const left = groups(head);
  if (tail === undefined) return left;
  const right = groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
};

/**
 * What every per-client limit counts a client under (sign-in, simulations): an IPv4 address as
 * it is, an IPv6 address as its /64 (the least one subscriber or one machine is given, so that
 * the addresses of one prefix are one client), an IPv4-mapped IPv6 address (`::ffff:1.2.3.4`)
 * as its IPv4.
 *
 * @example clientLimitKey("2001:db8:1:2::9") // "2001:db8:1:2::/64"
 */
export const clientLimitKey = (address: string | undefined): string | undefined => {
  if (address === undefined || isIP(address) !== 6) return address;
  const groups = ipv6Groups(address);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = groups;
  if (a === 0 && b === 0 && c === 0 && d === 0 && e === 0 && f === 0xffff)
    return [g >> 8, g & 0xff, h >> 8, h & 0xff].join(".");
  return `${[a, b, c, d].map((group) => group.toString(16)).join(":")}::/64`;
};

/**
 * Reads the client's address once per request (`c.get("clientAddress")`): every limit and log
 * that needs one uses this (the limits through `clientLimitKey`). Undefined for an in-process call without a socket (tests).
 */
export const clientAddress = (trust: TrustProxy) =>
  createMiddleware<AppEnv>(async (c, next) => {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined;
    }
    c.set("clientAddress", clientAddressOf(socket, c.req.header("X-Forwarded-For"), trust));
    await next();
  });
