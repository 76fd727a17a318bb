import { compile } from '@hookmap/core';
import type { JsonValue } from '@hookmap/core';
import type { Contender } from './types.js';

/** hookmap through its documented API: compile once, render per op; the body is JSON.stringify of the value. */
export const hookmapContender: Contender = {
  id: 'hookmap',
  label: 'hookmap',
  engine: 'hookmap',
  keepsTypes: true,
  async: false,
  compile(source) {
    const template = compile(source as JsonValue);
    return {
      render: (context) => template.render(context),
      body: (context) => JSON.stringify(template.render(context)),
    };
  },
};
