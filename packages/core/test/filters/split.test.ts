import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';

/** Liquid's split as Ruby defines it: String#split on a literal, trailing empty strings dropped. */
function rubySplit(text: string, sep: string): string[] {
  const parts = text.split(sep);
  while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

describe('split', () => {
  it('splits like String#split on a literal separator, dropping trailing empty strings', () => {
    const alphabet = fc.constantFrom('a', 'b', '.', '?', '/', 'é', '😀', '');
    const text = fc.array(alphabet, { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, text, (t, sep) => {
        expect(render('{{ t | split: sep }}', { t, sep })).toEqual(rubySplit(t, sep));
      }),
      { numRuns: 3000 },
    );
    expect(
      render("{{ u | split: '?' | first | split: '.' | last }}", { u: 'https://x.io/a.b.mp3?x=1' }),
    ).toBe('mp3');
    expect(render("{{ u | split: '..' }}", { u: 'a...b....' })).toEqual(['a', '.b']);
  });
});
