import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './types.js';

export type { ErrorObject };

let shared: Ajv2020 | undefined;

/** One Ajv instance for all targets, created on first use (browser and Node alike). */
function ajv(): Ajv2020 {
  if (shared) return shared;
  const instance = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    allowUnionTypes: true,
    strictRequired: false,
  });
  addFormats(instance, ['date', 'date-time', 'time', 'uri', 'email', 'uuid']);
  instance.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  shared = instance;
  return instance;
}

/** Validators with account picklists are cached too; the oldest is dropped past this many. */
const MAX_VALIDATORS = 64;
const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of a schema, compiled once per key (the target id, plus its picklist configuration). */
export function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv().compile(schema);
    if (compiled.size >= MAX_VALIDATORS) {
      const oldest = compiled.keys().next().value;
      if (oldest !== undefined) compiled.delete(oldest);
    }
    compiled.set(key, validate);
  }
  return validate;
}
