import type { Contender } from './types.js';

type Build = (context: object) => unknown;

/** The limit: the case's hand-written function; its body is JSON.stringify of the object. */
export const handContender: Contender = {
  id: 'hand',
  label: 'hand-written TS',
  engine: 'hand',
  keepsTypes: true,
  async: false,
  compile(source) {
    const build = source as Build;
    return {
      render: build,
      body: (context) => JSON.stringify(build(context)),
    };
  },
};
