import jsone from 'json-e';
import type { Contender } from './types.js';

/** JSON-e has no compile step: it interprets the template (and re-parses every expression) each render. */
export const jsoneContender: Contender = {
  id: 'json-e',
  label: 'JSON-e',
  engine: 'jsone',
  keepsTypes: true,
  async: false,
  compileNote: 'no compile API; the template is interpreted on every render',
  compile(source) {
    const template = source as object;
    const render = (context: object) => jsone(template, context as Record<string, unknown>) as unknown;
    return { render, body: (context) => JSON.stringify(render(context)) };
  },
};
