import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handWrittenExamples } from '../cases/examples-hand.js';
import { loadExamples } from '../cases/examples.js';
import { exampleDifference, handOp, requestOp } from '../harness/examples.js';

const examples = loadExamples();
const withHand = examples.filter((example) => handWrittenExamples[example.name]);

describe('case (c) examples', () => {
  it('finds the examples directory', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(withHand.map((example) => [example.name, example] as const))(
    'hand-written %s renders expected.json',
    (_name, example) => {
      const op = handOp(example);
      expect(op).not.toBeNull();
      if (op) expect(exampleDifference(example, op)).toBeNull();
    },
  );

  it('every hand-written function belongs to an existing example', () => {
    const names = new Set(examples.map((example) => example.name));
    for (const name of Object.keys(handWrittenExamples)) expect(names.has(name), name).toBe(true);
  });
});

describe('case (c) with a flow example', () => {
  it('renders a flow with its responses.json and compares the list of requests with expected.json', () => {
    const root = mkdtempSync(join(tmpdir(), 'hookmap-bench-'));
    try {
      const dir = join(root, 'demo-flow');
      mkdirSync(dir);
      const flow = {
        steps: [
          {
            id: 'find',
            method: 'GET',
            url: 'https://crm.example/people?email={{ email }}',
            result: '{{ response.body.id }}',
          },
          {
            id: 'note',
            url: 'https://crm.example/notes',
            body: { mode: 'template', template: { to: '{{ steps.find.result }}' } },
          },
        ],
      };
      const expected = [
        { method: 'GET', url: 'https://crm.example/people?email=a%40b.example', headers: {} },
        {
          method: 'POST',
          url: 'https://crm.example/notes',
          headers: { 'Content-Type': 'application/json' },
          body: { to: 'P1' },
        },
      ];
      const files: Record<string, unknown> = {
        'integration.json': flow,
        'payload.json': { email: 'a@b.example' },
        'responses.json': { find: { status: 200, body: { id: 'P1' } }, note: { status: 201 } },
        'expected.json': expected,
        'secrets.json': {},
      };
      for (const [name, value] of Object.entries(files))
        writeFileSync(join(dir, name), JSON.stringify(value));
      const [example] = loadExamples(root);
      expect(example?.name).toBe('demo-flow');
      expect(exampleDifference(example!, requestOp(example!))).toBeNull();
      expect(
        exampleDifference({ ...example!, expected: { requests: expected.slice(0, 1) } }, requestOp(example!)),
      ).not.toBeNull();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
