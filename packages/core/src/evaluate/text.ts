import { Codes } from '../codes.js';
import { limitError } from './state.js';

/**
 * SPEC §3 rule 2: how a value reads inside a longer string. Strings as they are, numbers as
 * `String(n)`, booleans `true`/`false`, objects and arrays as compact JSON, null and
 * unresolved as the empty string. Nothing is HTML-escaped.
 */
export function toText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? '' : stringify(value);
    default:
      return '';
  }
}

/** JSON.stringify that turns a stack overflow on absurdly deep values into the payload-depth limit error. */
export function stringify(value: unknown, space?: number): string {
  try {
    return JSON.stringify(value, null, space);
  } catch (e) {
    if (e instanceof RangeError) {
      throw limitError(
        Codes.PAYLOAD_TOO_DEEP,
        'maxPayloadDepth',
        'A value nests too deep to turn into JSON text (limit maxPayloadDepth).',
      );
    }
    throw e;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** encodeURIComponent that never throws: lone surrogates become U+FFFD first. */
export function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
}
