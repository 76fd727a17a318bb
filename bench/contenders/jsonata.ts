import jsonata from 'jsonata';
import type { Contender } from './types.js';

/** JSONata 2.x evaluate() is async; every op is awaited, which is how a caller would use it. */
export const jsonataContender: Contender = {
  id: 'jsonata',
  label: 'JSONata (await each)',
  engine: 'jsonata',
  keepsTypes: true,
  async: true,
  compile(source) {
    const expression = jsonata(source as string);
    const render = (context: object) => expression.evaluate(context);
    return { render, body: async (context) => JSON.stringify(await render(context)) };
  },
};
