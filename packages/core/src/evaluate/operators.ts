import { Codes } from '../codes.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { limitError } from './state.js';

/** Truthiness: null, unresolved, false, 0, NaN and "" are falsy; everything else (even [] and {}) is truthy. */
export function truthy(value: unknown): boolean {
  return (
    value !== undefined &&
    value !== null &&
    value !== false &&
    value !== 0 &&
    value !== '' &&
    !Number.isNaN(value)
  );
}

/** `==`: strict for primitives, structural for arrays and objects; unresolved equals null. */
export function equals(a: unknown, b: unknown, depth = 0): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  // Structural comparison stops at the default payload depth: a hostile value cannot overflow the stack.
  if (depth >= DEFAULT_LIMITS.maxPayloadDepth) {
    throw limitError(
      Codes.PAYLOAD_TOO_DEEP,
      'maxPayloadDepth',
      'Values compared with == nest deeper than the limit maxPayloadDepth.',
    );
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => equals(x, b[i], depth + 1));
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && equals((a as never)[k], (b as never)[k], depth + 1),
  );
}

/** `< <= > >=` compare two numbers or two strings; any other pair is false. */
export function compare(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')))
    return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
