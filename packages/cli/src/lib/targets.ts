import { getTarget, targets, type Target } from '@hookmap/targets';
import { CliError } from '../io/errors.js';

export { checkIntegrationTypes, validateBody } from '@hookmap/targets';

export function listTargets(): Target[] {
  return [...targets];
}

export function targetById(id: string): Target {
  const target = getTarget(id);
  if (!target)
    throw new CliError(
      `unknown target "${id}" (known: ${listTargets()
        .map((t) => t.id)
        .join(', ')})`,
    );
  return target;
}
