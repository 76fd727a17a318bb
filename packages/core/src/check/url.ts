import { Codes } from '../codes.js';
import type { Diagnostic } from '../types.js';
import type { CheckEnv } from './env.js';
import { member } from './paths.js';
import { inferString } from './strings.js';
import { objectType } from './type.js';

/**
 * URL placeholders resolve against the URL scope first, then the context (SPEC §6): a path is unknown
 * only when neither can have it, so the unknown-path warnings of the context pass are kept only when the
 * scope pass has them too.
 */
export function checkUrl(url: string, env: CheckEnv, urlScope: string | null): void {
  if (!urlScope) {
    inferString(url, env);
    return;
  }
  const scope = member(env.context, urlScope).type;
  const scoped: Diagnostic[] = [];
  inferString(url, {
    ...env,
    context: scope.object ? scope : objectType(new Map(), null),
    diagnostics: scoped,
    probe: null,
  });
  const own: Diagnostic[] = [];
  inferString(url, { ...env, diagnostics: own });
  const inScope = new Set(
    scoped.filter((x) => x.code === Codes.UNKNOWN_PATH).map((x) => `${x.start}:${x.end}`),
  );
  for (const problem of own) {
    if (problem.code !== Codes.UNKNOWN_PATH || inScope.has(`${problem.start}:${problem.end}`))
      env.diagnostics.push(problem);
  }
}
