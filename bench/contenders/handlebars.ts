import Handlebars from 'handlebars';
import { jsonStringContent, jsonText, pluck } from './json-helpers.js';
import type { Contender } from './types.js';

type Render = (context: object) => unknown;

/** One isolated Handlebars environment with the few helpers the cases need. */
const env = Handlebars.create();
env.registerHelper('json', (value: unknown) => jsonText(value));
env.registerHelper('jstr', (value: unknown) => jsonStringContent(value));
env.registerHelper('map', (list: unknown, field: string) => pluck(list, field));
env.registerHelper('join', (list: unknown, separator: string) =>
  Array.isArray(list) ? list.join(separator) : '',
);
env.registerHelper('size', (list: unknown) => (Array.isArray(list) ? list.length : 0));

/** The fastest settings Handlebars offers: no escaping, no @data, helpers resolved at compile time. */
const options: CompileOptions = {
  noEscape: true,
  data: false,
  knownHelpers: { json: true, jstr: true, map: true, join: true, size: true },
  knownHelpersOnly: true,
};
type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** Handlebars compiles lazily on first call; force it so compile time is real. */
function compileNow(source: string): Render {
  const template = env.compile(source, options);
  template({});
  return template;
}

/** A JSON-shaped template whose string leaves are each a Handlebars template (all results are strings). */
function compileFields(node: unknown): Render {
  if (typeof node === 'string') return node.includes('{{') ? compileNow(node) : () => node;
  if (Array.isArray(node)) {
    const items = node.map(compileFields);
    return (context) => items.map((item) => item(context));
  }
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node).map(([key, value]) => [key, compileFields(value)] as const);
    return (context) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of entries) out[key] = value(context);
      return out;
    };
  }
  return () => node;
}

export const handlebarsFields: Contender = {
  id: 'handlebars-fields',
  label: 'Handlebars per-field',
  engine: 'handlebarsFields',
  keepsTypes: false,
  async: false,
  compileNote: 'lazy compile forced by one render of {}',
  compile(source) {
    const render = compileFields(source);
    return { render, body: (context) => JSON.stringify(render(context)) };
  },
};

export const handlebarsJson: Contender = {
  id: 'handlebars-json',
  label: 'Handlebars whole-JSON',
  engine: 'handlebarsJson',
  keepsTypes: true,
  async: false,
  compileNote: 'lazy compile forced by one render of {}',
  compile(source) {
    const template = compileNow(source as string);
    return {
      render: (context) => JSON.parse(template(context) as string) as unknown,
      body: template,
    };
  },
};
