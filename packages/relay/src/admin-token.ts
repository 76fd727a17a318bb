/**
 * A relay reachable from other machines must not be guarded by a guessable admin token: on a host other
 * than loopback, the token must be long and varied (README's `change-me` is an example, not a token).
 */
import { ConfigError } from './config-check.js';

const MIN_LENGTH = 32;
const MIN_DISTINCT = 10;

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === '::ffff:127.0.0.1'
  );
}

/** Why `token` is too weak to expose, or null. */
export function weakTokenProblem(token: string): string | null {
  if (token.length < MIN_LENGTH) return `shorter than ${MIN_LENGTH} characters`;
  if (new Set(token).size < MIN_DISTINCT) return `fewer than ${MIN_DISTINCT} different characters`;
  if (/change.?me|example|password|secret|token/i.test(token) && new Set(token).size < 16)
    return 'looks like a placeholder';
  return null;
}

/** Throws ConfigError naming HOOKMAP_ADMIN_TOKEN when a weak token would guard a non-loopback listener. */
export function assertAdminTokenFor(host: string, token: string | undefined): void {
  if (!token || isLoopbackHost(host)) return;
  const problem = weakTokenProblem(token);
  if (!problem) return;
  throw new ConfigError([
    {
      variable: 'HOOKMAP_ADMIN_TOKEN',
      value: '(hidden)',
      accepts: `a token of at least ${MIN_LENGTH} random characters when listening on ${host} (this one is ${problem}); generate one with \`openssl rand -base64 32\``,
    },
  ]);
}
