import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './types.js';

export type { ErrorObject };

let shared: Ajv2020 | undefined;

/** One Ajv instance for all targets, created on first use (browser and Node alike). */
function ajv(): Ajv2020 {
  if (shared) return shared;
  const instance = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, strictRequired: false });
  addFormats(instance, ['date', 'date-time', 'time', 'uri', 'email', 'uuid']);
  instance.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  shared = instance;
  return instance;
}

const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of a target schema, compiled once per target id. */
export function validatorFor(targetId: string, schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(targetId);
  if (!validate) {
    validate = ajv().compile(schema);
    compiled.set(targetId, validate);
  }
  return validate;
}
