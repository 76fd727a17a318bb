/**
 * Secrets at rest (SPEC §10): AES-256-GCM with a random 96-bit IV per value. A sealed value reads
 * `hm1:<key id>:<base64 of iv | tag | ciphertext>`; the key id (a hash prefix of the key) says which
 * key opens it, so values sealed under `HOOKMAP_SECRET_KEY_PREVIOUS` still open during a rotation and
 * are sealed under the current key the next time they are written. A value without the prefix is
 * plaintext (written before a key was set) and is read as it is.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'hm1:';

export class SecretKeyError extends Error {
  readonly code = 'SECRET_KEY';
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

/** A 32-byte key from its base64 text, or an error naming the variable. */
export function parseSecretKey(text: string, variable = 'HOOKMAP_SECRET_KEY'): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== 32)
    throw new SecretKeyError(`${variable} must be 32 random bytes in base64 (openssl rand -base64 32)`);
  return key;
}

function keyId(key: Buffer): string {
  return createHash('sha256').update('hookmap-secret-key').update(key).digest('base64url').slice(0, 8);
}

export class SecretCipher {
  private readonly current: { id: string; key: Buffer } | null;
  private readonly keys = new Map<string, Buffer>();

  /** `key` and `previous` as configured (base64 text); without `key` values are written as plaintext. */
  constructor(key?: string, previous?: string) {
    this.current = key ? { key: parseSecretKey(key), id: '' } : null;
    if (this.current) {
      this.current.id = keyId(this.current.key);
      this.keys.set(this.current.id, this.current.key);
    }
    if (previous) {
      const old = parseSecretKey(previous, 'HOOKMAP_SECRET_KEY_PREVIOUS');
      this.keys.set(keyId(old), old);
    }
  }

  /** Whether values are encrypted when written. */
  get encrypts(): boolean {
    return this.current !== null;
  }

  seal(plain: string): string {
    if (!this.current) return plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const [id, data] = stored.slice(PREFIX.length).split(':');
    const key = id ? this.keys.get(id) : undefined;
    if (!key || !data) {
      throw new SecretKeyError(
        'a stored secret is encrypted with a key that is not configured: set HOOKMAP_SECRET_KEY (or HOOKMAP_SECRET_KEY_PREVIOUS during a rotation) to the key it was written with',
      );
    }
    const bytes = Buffer.from(data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        'a stored secret failed its integrity check: it was changed, or written with another key',
      );
    }
  }

  /** Whether a stored value is already sealed under the current key (nothing to migrate). */
  isCurrent(stored: string): boolean {
    return this.current ? stored.startsWith(`${PREFIX}${this.current.id}:`) : !stored.startsWith(PREFIX);
  }

  sealMaybe(plain: string | null): string | null {
    return plain === null ? null : this.seal(plain);
  }

  openMaybe(stored: string | null): string | null {
    return stored === null ? null : this.open(stored);
  }

  sealMap(values: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, this.seal(v)]));
  }

  openMap(values: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, this.open(v)]));
  }
}

/** Writes and reads plaintext (no key configured); still refuses to misread a sealed value. */
export const PLAINTEXT = new SecretCipher();
