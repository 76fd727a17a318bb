import { Liquid } from 'liquidjs';
import type { Contender } from './types.js';

const engine = new Liquid({ cache: false });

export const liquidJson: Contender = {
  id: 'liquid',
  label: 'LiquidJS whole-JSON',
  engine: 'liquid',
  keepsTypes: true,
  async: false,
  compile(source) {
    const template = engine.parse(source as string);
    const body = (context: object) => engine.renderSync(template, context) as string;
    return { render: (context) => JSON.parse(body(context)) as unknown, body };
  },
};
