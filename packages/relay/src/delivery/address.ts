/**
 * Refuse private, loopback and link-local destinations (SSRF) unless allow-listed. The check runs on
 * the address the socket will actually connect to (inside the DNS lookup), so a name that resolves
 * to 127.0.0.1 is caught too and DNS rebinding cannot slip between check and connect.
 */
import { BlockList, isIP } from 'node:net';
import { checkAddress } from './ranges.js';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';

/** Private, loopback, link-local, reserved, or not an address at all (ranges in ./ranges.ts, shared with the CLI). */
export function isPrivateAddress(address: string): boolean {
  return checkAddress(address).blocked;
}

/** `::ffff:10.0.0.1` and `::ffff:a00:1` (how URL parsing writes it) are IPv4 addresses in disguise. */
function unmapV4(address: string): string | null {
  const dotted = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1] ?? null;
  const hex = /^(?:0{0,4}:){0,4}:?(?:0{0,4}:)?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const hi = parseInt(hex[1] ?? '0', 16);
  const lo = parseInt(hex[2] ?? '0', 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Allow-list from CIDR strings (`127.0.0.1/32`, `10.0.0.0/8`, `::1/128`) or bare addresses. */
export function parseAllowList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [net = '', prefix] = entry.trim().split('/');
    const family = isIP(net);
    if (!family) throw new Error(`allow-list entry "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(net, type);
    else list.addSubnet(net, Number(prefix), type);
  }
  return list;
}

export class DestinationRefused extends Error {
  readonly code = 'DESTINATION_REFUSED';
  constructor(address: string) {
    super(`destination ${address} is a private or loopback address; allow-list it to deliver there`);
    this.name = 'DestinationRefused';
  }
}

export function isAllowed(address: string, allow: BlockList): boolean {
  if (!isPrivateAddress(address)) return true;
  const v4 = isIP(address) === 4 ? address : unmapV4(address);
  return v4 ? allow.check(v4, 'ipv4') : allow.check(address, 'ipv6');
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for http.request that refuses addresses outside the policy. */
export function guardedLookup(allow: BlockList) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !isAllowed(a.address, allow));
      if (refused) return callback(new DestinationRefused(refused.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * Verdicts on URL hosts per allow-list (the range check is most of the cost of a send to a literal IP):
 * null when the host may be reached, else the refused address.
 */
const literalVerdicts = new WeakMap<BlockList, Map<string, string | null>>();

/** Literal IP hosts skip DNS lookup in Node, so check them before connecting. */
export function checkLiteralHost(hostname: string, allow: BlockList): void {
  let verdicts = literalVerdicts.get(allow);
  if (!verdicts) literalVerdicts.set(allow, (verdicts = new Map()));
  let refused = verdicts.get(hostname);
  if (refused === undefined) {
    const host = hostname.replace(/^\[|\]$/g, '');
    refused = isIP(host) && !isAllowed(host, allow) ? host : null;
    if (verdicts.size >= 1024) verdicts.clear();
    verdicts.set(hostname, refused);
  }
  if (refused !== null) throw new DestinationRefused(refused);
}
