import { describe, expect, it } from 'vitest';
import { handWrittenExamples } from '../cases/examples-hand.js';
import { loadExamples } from '../cases/examples.js';
import { exampleDifference, handOp } from '../harness/examples.js';

const examples = loadExamples();
const withHand = examples.filter((example) => handWrittenExamples[example.name]);

describe('case (c) examples', () => {
  it('finds the examples directory', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(withHand.map((example) => [example.name, example] as const))('hand-written %s renders expected.json', (_name, example) => {
    const op = handOp(example);
    expect(op).not.toBeNull();
    if (op) expect(exampleDifference(example, op)).toBeNull();
  });

  it('every hand-written function belongs to an existing example', () => {
    const names = new Set(examples.map((example) => example.name));
    for (const name of Object.keys(handWrittenExamples)) expect(names.has(name), name).toBe(true);
  });
});
