import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkIntegration, printType, type CheckProvider, type Diagnostic } from '../../src/index.js';

/** The type rules as data: a context schema, then templates with their printed type and diagnostics. */
interface Group {
  context: object;
  cases: { name: string; template: unknown; type?: string; diagnostics?: Partial<Diagnostic>[] }[];
}

const dir = new URL('./cases/', import.meta.url);
const groups = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe.each(groups)('%s', (file) => {
  const group = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Group;
  const provider: CheckProvider = {
    id: 'test',
    name: 'Test',
    events: ['e'],
    contextSchemas: { e: group.context },
  };
  it.each(group.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const checked = checkIntegration(
      { url: 'https://example.com', body: { mode: 'template', template: c.template } },
      { provider },
    );
    if (checked.body?.kind !== 'json') throw new Error('no JSON body');
    if (c.type !== undefined) expect(printType(checked.body.value.type, 3)).toBe(c.type);
    if (c.diagnostics !== undefined) {
      const expected = c.diagnostics.map((d) => expect.objectContaining({ path: '/body/template', ...d }));
      expect(checked.diagnostics).toEqual(expected);
    }
  });
});
