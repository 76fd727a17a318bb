import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { checkAddress } from '@hookmap/relay/address';

/** Thrown when a destination resolves to an address `send` refuses without --allow-private. */
export class BlockedAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      host === address
        ? `refusing to send to ${address} (${reason}); pass --allow-private to allow it`
        : `refusing to send to ${host}: it resolves to ${address} (${reason}); pass --allow-private to allow it`,
    );
    this.name = 'BlockedAddressError';
  }
}

export type LookupAll = (
  hostname: string,
  callback: (error: Error | null, addresses: LookupAddress[]) => void,
) => void;

const systemLookupAll: LookupAll = (hostname, callback) =>
  dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => callback(error, addresses ?? []));

/** Resolve `url`'s host (every address, v4 and v6) and throw BlockedAddressError if any is private. */
export async function assertPublicDestination(
  url: URL,
  lookupAll: LookupAll = systemLookupAll,
): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolveAll(host, lookupAll);
  for (const address of addresses) {
    const verdict = checkAddress(address);
    if (verdict.blocked) throw new BlockedAddressError(host, address, verdict.reason ?? 'private');
  }
  return addresses;
}

function resolveAll(host: string, lookupAll: LookupAll): Promise<string[]> {
  return new Promise((resolve, reject) => {
    lookupAll(host, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that checks every resolved address at connect time, so a DNS
 * answer that changes between our check and the connection (rebinding) is still refused.
 */
export function guardedLookup(lookupAll: LookupAll = systemLookupAll) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookupAll(hostname, (error, addresses) => {
      if (error) return callback(error, []);
      const family = options.family === 4 || options.family === 6 ? options.family : 0;
      const usable = family === 0 ? addresses : addresses.filter((a) => a.family === family);
      for (const { address } of usable) {
        const verdict = checkAddress(address);
        if (verdict.blocked)
          return callback(new BlockedAddressError(hostname, address, verdict.reason ?? 'private'), []);
      }
      const first = usable[0];
      if (!first)
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      if (options.all) callback(null, usable);
      else callback(null, first.address, first.family);
    });
  };
}
