import { describe, expect, it } from "vitest";
import { clientAddressOf, clientLimitKey, parseTrustProxy } from "./client-address.ts";

describe("the client's address", () => {
  it.each([
    // [TRUST_PROXY, socket peer, X-Forwarded-For, client]
    [undefined, "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    ["false", "127.0.0.1", "198.51.100.1", "127.0.0.1"],
    ["127.0.0.1", "127.0.0.1", "198.51.100.1", "198.51.100.1"],
    ["127.0.0.1", "::ffff:127.0.0.1", "198.51.100.1", "198.51.100.1"],
    // a peer that is not a trusted proxy is the client, whatever it forwards
    ["127.0.0.1", "203.0.113.9", "198.51.100.1", "203.0.113.9"],
    // past each trusted proxy from the right; what the client wrote on the left is not believed
    ["10.0.0.0/8", "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.1", "198.51.100.1"],
    ["loopback,private", "::1", "198.51.100.1, 192.168.1.4", "198.51.100.1"],
    ["1", "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"],
    ["2", "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.1", "198.51.100.1"],
    // no header: the proxy itself; garbage: the proxy that passed it on
    ["127.0.0.1", "127.0.0.1", undefined, "127.0.0.1"],
    ["127.0.0.1", "127.0.0.1", "not-an-address", "127.0.0.1"],
    ["2001:db8::/32", "2001:db8::1", "2001:db8:ffff::1, 2001:db9::7", "2001:db9::7"],
  ])("TRUST_PROXY=%s, peer %s, X-Forwarded-For %s → %s", (trust, socket, forwarded, client) => {
    expect(clientAddressOf(socket, forwarded, parseTrustProxy(trust))).toBe(client);
  });

  it("no socket (an in-process call): no address", () => {
    expect(clientAddressOf(undefined, "198.51.100.1", parseTrustProxy("1"))).toBeUndefined();
  });

  it.each(["0", "33", "proxy.example.org", "10.0.0.0/40", "10.0.0.0/x", "127.0.0.1,"])(
    "refuses TRUST_PROXY=%s, naming the entry",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow();
    },
  );
});

describe("the key a client is counted under by the per-client limits", () => {
  it.each([
    // an IPv4 address is a client
    ["198.51.100.7", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["::FFFF:198.51.100.7", "198.51.100.7"],
    // an IPv6 address is one of a /64 (what one subscriber or one machine is given)
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0000:0000:0000:0009", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["2001:db8:0:0:1::", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["::", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8:1:2::198.51.100.7", "2001:db8:1:2::/64"],
    ["64:ff9b::198.51.100.7", "64:ff9b:0:0::/64"],
    // none, or not an address: as it is
    [undefined, undefined],
    ["not-an-address", "not-an-address"],
  ])("%s → %s", (address, key) => {
    expect(clientLimitKey(address)).toBe(key);
  });
});
