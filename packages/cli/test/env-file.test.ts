import { describe, expect, it } from 'vitest';
import { parseEnvFile, secretsFromEnv } from '../src/io/env-file.js';

describe('parseEnvFile', () => {
  it('reads KEY=VALUE lines with comments, export, quotes and escapes', () => {
    const text = [
      '# tokens',
      '',
      'HUBSPOT_TOKEN=abc123',
      'export SLACK_URL = https://hooks.example/x?a=b  # inline comment',
      "SINGLE='kept \\n as # is'",
      'DOUBLE="line\\nnext \\"q\\""',
      'EMPTY=',
      'HASH=a#b',
    ].join('\r\n');
    expect(parseEnvFile(text)).toEqual({
      HUBSPOT_TOKEN: 'abc123',
      SLACK_URL: 'https://hooks.example/x?a=b',
      SINGLE: 'kept \\n as # is',
      DOUBLE: 'line\nnext "q"',
      EMPTY: '',
      HASH: 'a#b',
    });
  });

  it('rejects malformed lines with the line number', () => {
    expect(() => parseEnvFile('A=1\nnot a pair', 's.env')).toThrow('s.env:2: expected KEY=VALUE');
    expect(() => parseEnvFile('A="open', 's.env')).toThrow('s.env:1: unterminated " quote');
  });

  it('keeps __proto__ as a plain key', () => {
    const parsed = parseEnvFile('__proto__=x');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
  });
});

describe('secretsFromEnv', () => {
  it('takes HOOKMAP_SECRET_<NAME> variables only', () => {
    expect(secretsFromEnv({ HOOKMAP_SECRET_TOKEN: 't', HOOKMAP_SECRET_: 'x', PATH: '/bin' })).toEqual({
      TOKEN: 't',
    });
  });
});
