import { handContender } from './hand.js';
import { handlebarsFields, handlebarsJson } from './handlebars.js';
import { hookmapContender } from './hookmap.js';
import { jsonataContender } from './jsonata.js';
import { jsoneContender } from './jsone.js';
import { liquidJson } from './liquid.js';
import { mustacheJson } from './mustache.js';
import type { Contender } from './types.js';

export { handContender };
export type { Contender, Prepared } from './types.js';

/** Every contender timed against the hand-written function, hookmap first. */
export const contenders: Contender[] = [
  hookmapContender,
  handlebarsFields,
  handlebarsJson,
  mustacheJson,
  liquidJson,
  jsoneContender,
  jsonataContender,
];
