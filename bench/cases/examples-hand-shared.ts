/** Small helpers the hand-written request builders share (no hookmap code: what one would write by hand). */
export { embed } from './types.js';

export type Obj = Record<string, unknown>;
export type Secrets = Record<string, string>;
/** A hand-written payload -> request function for one example (what renderRequest is compared with). */
export type HandRequest = (payload: unknown, secrets: Secrets) => unknown;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** Slack mrkdwn: `&`, `<` and `>` only, so mapped text cannot ping or link. */
export function slackEscape(text: string): string {
  return text.replace(/[&<>]/g, (char) => entities[char] ?? char);
}

/** At most `length` characters, the `...` included (Liquid's truncate). */
export function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(0, length - 3))}...`;
}

/** Non-empty text, else null (how the providers read a name, a title or a URL). */
export function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A finite number, from a number or numeric text; null otherwise. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** A timestamp as a UTC Date, or null when it is not one. */
export function utcDate(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** ISO date-time text as epoch milliseconds, or null when it is not one. */
export function isoMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** `hh:mm:ss` of a number of seconds within a day (a longer one wraps, as a time of day). */
export function clock(seconds: number): string {
  const s = ((Math.floor(seconds) % 86400) + 86400) % 86400;
  return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}
