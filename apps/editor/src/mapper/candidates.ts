/**
 * Ranked payload fields for a target field, for "map a candidate into a missing required field":
 * names that share words with the field (and its hint), values of the right type or format, and the
 * cross-provider `common` view first on ties (it reads the same for every provider).
 */
import { pathToExpression, type PathSegment } from './expressions.js';
import type { TargetFieldInfo } from './mapping.js';

export interface Candidate {
  expression: string;
  value: unknown;
  score: number;
}

const MAX_VISITED = 20_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2})?/;
const NOISE = new Set(['hs', 'id', 'the', 'of', 'a', 'c', 'data', 'properties', 'x']);

/** Lower-case words of a name: `hs_call_title` → call, title; `Call_Start_Time` → call, start, time. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !NOISE.has(w))
    .map((w) => (w.length > 5 && w.endsWith('ed') ? w.slice(0, -2) : w));
}

const isTimeField = (field: TargetFieldInfo & { format?: string }) =>
  field.format === 'date-time' ||
  /time|date|_at$/i.test(field.pointer.slice(field.pointer.lastIndexOf('/') + 1));
const isIdName = (name: string) => /(^|_)id$|[a-z]Id$/.test(name);

function typeFits(field: TargetFieldInfo & { format?: string }, value: unknown): number {
  const types = Array.isArray(field.type) ? field.type : [field.type ?? 'any'];
  if (isTimeField(field)) return typeof value === 'string' && ISO_DATE.test(value) ? 3 : -2;
  if (value === null || typeof value === 'object') return -5;
  if (types.includes('any')) return 0;
  if (types.includes(typeof value)) return 1;
  if (types.includes('integer') && Number.isInteger(value)) return 1;
  if (types.includes('string')) return 0.5;
  return -1;
}

/** Payload leaves ranked for `field`, best first, at most `limit`: those sharing a word with it (any date for a time field). */
export function rankCandidates(
  field: TargetFieldInfo & { format?: string; name?: string },
  context: Record<string, unknown>,
  limit = 3,
): Candidate[] {
  const name = field.pointer.slice(field.pointer.lastIndexOf('/') + 1);
  const wanted = new Set(wordsOf(name));
  const time = isTimeField(field);
  if (wanted.size === 0 && !time) return [];
  const found: Candidate[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: context, path: [] }];
  let visited = 0;
  while (stack.length > 0 && visited++ < MAX_VISITED) {
    const { value, path } = stack.pop() as { value: unknown; path: PathSegment[] };
    if (Array.isArray(value)) continue; // an element of a list is no field of one record
    if (value !== null && typeof value === 'object') {
      if (path[0] === 'payload' || path[0] === 'secrets') continue;
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
      continue;
    }
    if (value === null || value === '' || path.length === 0) continue;
    const words = path.flatMap((s) => wordsOf(String(s)));
    const key = String(path[path.length - 1]);
    if (isIdName(name) && !/id$/i.test(key)) continue;
    const leaf = new Set(wordsOf(key));
    const shared =
      [...wanted].filter((w) => leaf.has(w)).length * 2 + [...wanted].filter((w) => words.includes(w)).length;
    if (shared === 0 && !(time && typeof value === 'string' && ISO_DATE.test(value))) continue;
    const score = shared + typeFits(field, value) + (path[0] === 'common' ? 0.5 : 0) - path.length * 0.1;
    if (score > 0) found.push({ expression: pathToExpression(path), value, score });
  }
  return found.sort((a, b) => b.score - a.score || a.expression.localeCompare(b.expression)).slice(0, limit);
}
