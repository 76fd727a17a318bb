/** The integration document's optional `rateLimit` field, checked when the integration is saved. */
import { HttpError } from '../http/errors.js';
import { rateLimitFieldProblem } from './rate-limits.js';

export function assertRateLimitField(doc: object): void {
  const problem = rateLimitFieldProblem((doc as { rateLimit?: unknown }).rateLimit);
  if (problem) {
    throw new HttpError(422, 'invalid_integration', 'the integration document is not valid', [
      { severity: 'error', code: 'RATE_LIMIT', message: problem, path: '/rateLimit', start: 0, end: 0 },
    ]);
  }
}
