import Mustache from 'mustache';
import type { Contender } from './types.js';

/** Mustache escapes through this: JSON string content for strings, JSON text for everything else. */
function jsonEscape(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value).slice(1, -1) : JSON.stringify(value);
}

const config = { escape: jsonEscape };

export const mustacheJson: Contender = {
  id: 'mustache',
  label: 'Mustache whole-JSON',
  engine: 'mustache',
  keepsTypes: true,
  async: false,
  compile(source) {
    const text = source as string;
    const writer = new Mustache.Writer();
    const tokens = writer.parse(text);
    const body = (context: object) =>
      writer.renderTokens(tokens, new Mustache.Context(context), undefined, text, config);
    return { render: (context) => JSON.parse(body(context)) as unknown, body };
  },
};
