/** Which fields of each record are secret: sealed before a store writes them, opened when it reads them. */
import type { ConnectionRecord, IntegrationRecord, Source } from '../store/types.js';
import type { SecretCipher } from './cipher.js';

type Mapper = (value: string) => string;

function mapConnection(c: ConnectionRecord, f: Mapper): ConnectionRecord {
  const m = (v: string | null) => (v === null ? null : f(v));
  const pendingAuth = c.pendingAuth
    ? { ...c.pendingAuth, verifier: f(c.pendingAuth.verifier) }
    : (c.pendingAuth ?? null);
  return {
    ...c,
    clientSecret: m(c.clientSecret),
    refreshToken: m(c.refreshToken),
    accessToken: m(c.accessToken),
    values: Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, f(v)])),
    pendingAuth,
  };
}

export const sealConnection = (c: ConnectionRecord, cipher: SecretCipher) =>
  mapConnection(c, (v) => cipher.seal(v));
export const openConnection = (c: ConnectionRecord, cipher: SecretCipher) =>
  mapConnection(c, (v) => cipher.open(v));

export function sealIntegration<T extends Pick<IntegrationRecord, 'secrets'>>(i: T, cipher: SecretCipher): T {
  return { ...i, secrets: cipher.sealMap(i.secrets) };
}
export function openIntegration<T extends Pick<IntegrationRecord, 'secrets'>>(i: T, cipher: SecretCipher): T {
  return { ...i, secrets: cipher.openMap(i.secrets) };
}

export function sealSource(s: Source, cipher: SecretCipher): Source {
  return { ...s, secret: cipher.sealMaybe(s.secret) };
}
export function openSource(s: Source, cipher: SecretCipher): Source {
  return { ...s, secret: cipher.openMaybe(s.secret) };
}

/** The sealed forms a record holds, to check whether they are all under the current key. */
export function sealedValues(record: Partial<Source & IntegrationRecord & ConnectionRecord>): string[] {
  const out: (string | null | undefined)[] = [
    record.secret,
    record.clientSecret,
    record.refreshToken,
    record.accessToken,
    record.pendingAuth?.verifier,
    ...Object.values(record.secrets ?? {}),
    ...Object.values(record.values ?? {}),
  ];
  return out.filter((v): v is string => typeof v === 'string');
}

export function needsReseal(record: object, cipher: SecretCipher): boolean {
  return (
    cipher.encrypts &&
    sealedValues(record as Partial<Source & IntegrationRecord & ConnectionRecord>).some(
      (v) => !cipher.isCurrent(v),
    )
  );
}
