/**
 * Is an IP address one hookmap must not reach unless allowed (the relay's allow-list, the CLI's
 * --allow-private)? Exported as `@hookmap/relay/address` so the CLI uses it without loading the relay. Pure parsing, no DNS:
 * loopback, private, link-local, CGNAT, "this network", multicast and reserved ranges, for IPv4
 * and IPv6, including IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4).
 */

interface Range {
  base: bigint;
  bits: number;
  name: string;
}

const V4_RANGES: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const V6_RANGES: Array<[string, number, string]> = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

const v4Ranges: Range[] = V4_RANGES.map(([ip, bits, name]) => ({
  base: BigInt(parseIPv4(ip) ?? 0),
  bits,
  name,
}));
const v6Ranges: Range[] = V6_RANGES.map(([ip, bits, name]) => ({ base: parseIPv6(ip) ?? 0n, bits, name }));

export interface AddressVerdict {
  blocked: boolean;
  /** e.g. "127.0.0.0/8 loopback" when blocked. */
  reason?: string;
}

/** Verdict for an IP literal; anything that is not a valid IP is blocked (we only check resolved addresses). */
export function checkAddress(address: string): AddressVerdict {
  const ip = address.replace(/^\[|\]$/g, '');
  const v4 = parseIPv4(ip);
  if (v4 !== null) return checkV4(v4);
  const v6 = parseIPv6(ip);
  if (v6 === null) return { blocked: true, reason: `"${address}" is not an IP address` };
  const embedded = embeddedIPv4(v6);
  if (embedded !== null) {
    const verdict = checkV4(embedded.v4);
    if (verdict.blocked) return { blocked: true, reason: `${verdict.reason} (${embedded.kind})` };
  }
  const hit = v6Ranges.find((r) => inRange(v6, r, 128));
  return hit ? { blocked: true, reason: `${formatRange6(hit)} ${hit.name}` } : { blocked: false };
}

export function isPrivateAddress(address: string): boolean {
  return checkAddress(address).blocked;
}

function checkV4(v4: number): AddressVerdict {
  const hit = v4Ranges.find((r) => inRange(BigInt(v4), r, 32));
  return hit
    ? { blocked: true, reason: `${formatIPv4(Number(hit.base))}/${hit.bits} ${hit.name}` }
    : { blocked: false };
}

function inRange(value: bigint, range: Range, width: number): boolean {
  const shift = BigInt(width - range.bits);
  return value >> shift === range.base >> shift;
}

/** IPv4 inside IPv6: ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), 64:ff9b::/96 (NAT64), 2002::/16 (6to4). */
function embeddedIPv4(v6: bigint): { v4: number; kind: string } | null {
  const low32 = Number(v6 & 0xffffffffn);
  const high96 = v6 >> 32n;
  if (high96 === 0xffffn) return { v4: low32, kind: 'IPv4-mapped' };
  if (high96 === 0n && low32 > 1) return { v4: low32, kind: 'IPv4-compatible' };
  if (high96 === 0x0064ff9b0000000000000000n) return { v4: low32, kind: 'NAT64' };
  if (v6 >> 112n === 0x2002n) return { v4: Number((v6 >> 80n) & 0xffffffffn), kind: '6to4' };
  return null;
}

export function parseIPv4(ip: string): number | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

export function parseIPv6(input: string): bigint | null {
  const ip = input.replace(/%.*$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(ip)) return null;
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const groups =
    halves.length === 1 ? expandTrailingIPv4(splitGroups(ip)) : joinHalves(halves[0] ?? '', halves[1] ?? '');
  if (groups === null || groups.length !== 8) return null;
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** "a:b" + "::" + "c:d" with the gap filled by zero groups (at least one). */
function joinHalves(head: string, tail: string): string[] | null {
  const headGroups = splitGroups(head);
  const tailGroups = expandTrailingIPv4(splitGroups(tail));
  if (tailGroups === null) return null;
  const gap = 8 - headGroups.length - tailGroups.length;
  if (gap < 1) return null;
  return [...headGroups, ...Array<string>(gap).fill('0'), ...tailGroups];
}

function splitGroups(text: string): string[] {
  return text === '' ? [] : text.split(':');
}

/** A dotted IPv4 in the last group becomes two hex groups. */
function expandTrailingIPv4(groups: string[]): string[] | null {
  const last = groups[groups.length - 1];
  if (last === undefined || !last.includes('.')) return groups;
  const v4 = parseIPv4(last);
  if (v4 === null) return null;
  return [...groups.slice(0, -1), (v4 >>> 16).toString(16), (v4 & 0xffff).toString(16)];
}

function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
}

function formatRange6(range: Range): string {
  const groups: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n)
    groups.push(((range.base >> shift) & 0xffffn).toString(16));
  const text = groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::');
  return `${text}/${range.bits}`;
}
