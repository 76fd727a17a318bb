import { describe, expect, it } from 'vitest';
import { createColors } from '../src/io/colors.js';
import { formatProblem, placeDiagnostic, valueAtPointer } from '../src/lib/diagnostics.js';

const plain = createColors(false);

describe('placeDiagnostic', () => {
  it('maps template offsets through JSON escapes to the file', () => {
    const text = '{\n  "body": {"template": {"say": "\\"quoted\\" \\u00e9 {{ x | uper }}"}}\n}';
    const value = JSON.parse(text) as { body: { template: { say: string } } };
    const template = value.body.template.say;
    const start = template.indexOf('uper');
    const problem = placeDiagnostic(
      {
        severity: 'error',
        code: 'H201',
        message: 'Unknown filter "uper"',
        path: '/say',
        start,
        end: start + 4,
      },
      { file: 'i.json', text, value },
      '/body/template',
      plain,
    );
    expect(problem).toMatchObject({ file: 'i.json', pointer: '/body/template/say', line: 2 });
    const [, source = '', caret = ''] = problem.frame!.split('\n');
    expect(source.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('uper');
    expect(
      text
        .split('\n')[1]!
        .slice(problem.column! - 1)
        .startsWith('uper'),
    ).toBe(true);
  });

  it('points into keys when the diagnostic is about a key', () => {
    const text = '{"t": {"{{ a.b | nope }}": 1}}';
    const problem = placeDiagnostic(
      {
        severity: 'error',
        code: 'H201',
        message: 'x',
        path: '/{{ a.b | nope }}',
        start: 9,
        end: 13,
        key: true,
      },
      { file: 'k.json', text, value: JSON.parse(text) },
      '/t',
      plain,
    );
    expect(text.slice(problem.column! - 1, problem.column! + 3)).toBe('nope');
  });

  it('falls back to the nearest existing ancestor for missing members', () => {
    const text = '{\n  "body": {\n    "mode": "template"\n  }\n}';
    const problem = placeDiagnostic(
      {
        severity: 'error',
        code: 'H401',
        message: 'needs template',
        path: '/body/template',
        start: 0,
        end: 0,
      },
      { file: 'm.json', text, value: JSON.parse(text) },
      '',
      plain,
    );
    expect(problem).toMatchObject({ line: 2, column: 3 });
  });

  it('formats severity, code, location, pointer and frame', () => {
    const text = '{"url": "{{ x"}';
    const problem = placeDiagnostic(
      {
        severity: 'warning',
        code: 'H101',
        message: 'Unclosed',
        path: '',
        start: 0,
        end: 2,
        suggestion: 'x }}',
      },
      { file: 'u.json', text, value: JSON.parse(text) },
      '/url',
      plain,
    );
    expect(formatProblem(problem, plain)).toBe(
      'warning H101 u.json:1:10 /url: Unclosed (did you mean "x }}"?)\n  > 1 | {"url": "{{ x"}\n      |          ^^',
    );
  });
});

describe('valueAtPointer', () => {
  it('follows escaped segments and array indexes, own properties only', () => {
    const doc = { 'a/b': [{ '~k': 1 }] };
    expect(valueAtPointer(doc, '/a~1b/0/~0k')).toBe(1);
    expect(valueAtPointer(doc, '/constructor')).toBeUndefined();
  });
});
