/** The template engines compared; each case gives its template in each engine's own syntax. */
export type EngineId =
  'hookmap' | 'handlebarsFields' | 'handlebarsJson' | 'mustache' | 'liquid' | 'jsone' | 'jsonata';

/** Something the hand-written function and every contender turn into the same JSON value. */
export interface BenchCase {
  id: string;
  title: string;
  /** `count` separate but identical contexts, so V8 cannot fold one constant input. */
  contexts(count: number): object[];
  /** The physical limit: a careful hand-written TypeScript function building the same object. */
  handWritten(context: object): unknown;
  /** The template in each engine's syntax; an engine missing here cannot express the case. */
  templates: Partial<Record<EngineId, unknown>>;
  /** Why an engine has no template for this case. */
  unsupported: Partial<Record<EngineId, string>>;
}

/** Text of a value embedded in a longer string (SPEC §3 rule 2), used by hand-written functions. */
export function embed(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** `count` deep copies of a JSON value, each a separate object graph. */
export function copies<T>(value: T, count: number): T[] {
  return Array.from({ length: count }, () => structuredClone(value));
}
