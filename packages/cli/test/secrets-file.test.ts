import { describe, expect, it } from 'vitest';
import { parseSecretsFile } from '../src/lib/secrets.js';

describe('--secrets file formats', () => {
  it('reads a JSON object of names to text', () => {
    expect({ ...parseSecretsFile('{ "A": "1", "B_TOKEN": "x y" }', 's.json') }).toEqual({
      A: '1',
      B_TOKEN: 'x y',
    });
  });

  it('reads a .env file when the text is not a JSON object', () => {
    expect({ ...parseSecretsFile('A=1\n# c\nB_TOKEN="x y"\n', '.env') }).toEqual({ A: '1', B_TOKEN: 'x y' });
  });

  it('names a secret that is not text, and reports bad JSON with line and column', () => {
    expect(() => parseSecretsFile('{"A": 1}', 's.json')).toThrow(
      's.json: secret "A" must be text, got number',
    );
    expect(() => parseSecretsFile('{\n "A": "1",\n}', 's.json')).toThrow(/^s\.json:3:1: invalid JSON/);
  });
});
