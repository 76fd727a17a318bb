import type { RenderedRequest } from '@hookmap/core';
import type { BodyDiagnostic } from './codes.js';
import { TargetCodes } from './codes.js';
import { diagnostic } from './diagnostics.js';
import type { RequestPreset } from './types.js';
import { validateTargetBody, type ValidateOptions } from './validate.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The target's URL pattern as a regular expression over rendered URLs: a placeholder opening the URL stands
 * for a base URL (`https://host[/path]`), any other for one path segment. Only hookmap's own patterns are
 * compiled, never user input.
 */
export function urlPattern(url: string): RegExp {
  const parts = url.split(/\{\{[^}]*\}\}/);
  const source = parts
    .map((part, index) => {
      if (index === 0) return escapeRegExp(part);
      const hole = index === 1 && parts[0] === '' ? 'https?://[^?#]+?' : '[^/?#]+';
      return hole + escapeRegExp(part);
    })
    .join('');
  return new RegExp(`^${source}(?:[?#].*)?$`);
}

function prefixed(diagnostics: BodyDiagnostic[]): BodyDiagnostic[] {
  return diagnostics.map((d) => ({
    ...d,
    path: d.path === '' && d.code === TargetCodes.OPTIONS ? '' : `/body${d.path}`,
  }));
}

/** Method, URL and body of a rendered request checked against the target; paths point into the request. */
export function validateTargetRequest(
  target: RequestPreset,
  request: Pick<RenderedRequest, 'method' | 'url' | 'body'>,
  options: ValidateOptions = {},
): BodyDiagnostic[] {
  const out: BodyDiagnostic[] = [];
  if (request.method !== target.method) {
    out.push(
      diagnostic(
        'warning',
        TargetCodes.METHOD,
        '/method',
        `${target.name} is sent with ${target.method}, not ${request.method}.`,
      ),
    );
  }
  const patterns = [target.url, ...(target.urlAlternatives ?? [])];
  if (!patterns.some((pattern) => urlPattern(pattern).test(request.url))) {
    out.push(
      diagnostic(
        'warning',
        TargetCodes.URL,
        '/url',
        `${target.name} is sent to ${target.url}; "${request.url.slice(0, 200)}" does not match it.`,
      ),
    );
  }
  return [...out, ...prefixed(validateTargetBody(target, request.body, options))];
}
