import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../src/io/errors.js';
import { parseJsonWithLocation } from '../src/io/json-location.js';
import { findJsonSyntaxError, locatePointer } from '../src/io/json-scan.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON text with one character inserted, deleted or replaced somewhere. */
const mutatedJson = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom('insert', 'delete', 'replace'),
    fc.constantFrom(...'{}[]",:0-e. \ntnx\\'),
  )
  .map(([text, at, how, ch]) => {
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
    if (how === 'delete') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

describe('JSON scanner against JSON.parse', () => {
  it('agrees with V8 on what is valid JSON', () => {
    fc.assert(
      fc.property(mutatedJson, (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('always reports a line and column inside the text for invalid JSON', () => {
    fc.assert(
      fc.property(mutatedJson, (text) => {
        fc.pre(!parses(text));
        try {
          parseJsonWithLocation(text, 'f.json');
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
          const match = /^f\.json:(\d+):(\d+): invalid JSON: \S/.exec((error as CliError).message);
          expect(match).not.toBeNull();
          const lines = text.split('\n');
          const line = Number(match![1]);
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(Number(match![2])).toBeLessThanOrEqual((lines[line - 1]?.length ?? 0) + 1);
          return;
        }
        throw new Error('expected a CliError');
      }),
      { numRuns: 1000 },
    );
  });

  it('locates every value of valid JSON at its pointer', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value = JSON.parse(text) as unknown;
        const visit = (node: unknown, pointer: string): void => {
          const location = locatePointer(text, pointer);
          expect(location).not.toBeNull();
          expect(JSON.parse(text.slice(location!.start, location!.end))).toEqual(node);
          if (node !== null && typeof node === 'object') {
            for (const [key, child] of Object.entries(node)) {
              visit(child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
            }
          }
        };
        visit(value, '');
      }),
      { numRuns: 300 },
    );
  });
});
