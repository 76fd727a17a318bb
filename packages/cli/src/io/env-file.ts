import { CliError } from './errors.js';

const ENV_PREFIX = 'HOOKMAP_SECRET_';
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Parse a .env file: `KEY=VALUE` lines, `#` comments, blank lines, an optional `export `,
 * values optionally in single quotes (taken literally) or double quotes (\n, \t, \", \\ escapes).
 * Unquoted values end at ` #` (an inline comment) and are trimmed.
 */
export function parseEnvFile(text: string, file = '.env'): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const body = line.startsWith('export ') ? line.slice(7).trimStart() : line;
    const eq = body.indexOf('=');
    const key = (eq === -1 ? body : body.slice(0, eq)).trim();
    if (eq === -1 || !KEY.test(key)) {
      throw new CliError(`${file}:${index + 1}: expected KEY=VALUE, got "${truncate(line)}"`);
    }
    result[key] = parseValue(body.slice(eq + 1).trim(), `${file}:${index + 1}`);
  });
  return result;
}

function parseValue(value: string, where: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = findClosingQuote(value, quote);
    if (close === -1) throw new CliError(`${where}: unterminated ${quote} quote`);
    const inner = value.slice(1, close);
    return quote === "'" ? inner : unescapeDoubleQuoted(inner);
  }
  const comment = value.search(/\s#/);
  return (comment === -1 ? value : value.slice(0, comment)).trim();
}

function findClosingQuote(value: string, quote: string): number {
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) return i;
  }
  return -1;
}

function unescapeDoubleQuoted(inner: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
  return inner.replace(/\\(.)/g, (whole, ch: string) => escapes[ch] ?? whole);
}

/** `HOOKMAP_SECRET_<NAME>=value` environment variables as `{ NAME: value }`. */
export function secretsFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(ENV_PREFIX) && name.length > ENV_PREFIX.length && value !== undefined) {
      result[name.slice(ENV_PREFIX.length)] = value;
    }
  }
  return result;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
