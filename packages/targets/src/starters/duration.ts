import type { JsonValue } from '@hookmap/core';

/**
 * Seconds as "mm:ss" with the minutes not wrapped at the hour (3725 s is "62:05"): core's `duration` filter.
 * When the expression is null the property is left out, or `otherwise` is sent.
 */
export function minutesSeconds(expression: string, otherwise?: string): JsonValue {
  return {
    $if: `{{ ${expression} != null }}`,
    then: `{{ ${expression} | duration: 'mm:ss' }}`,
    ...(otherwise === undefined ? {} : { else: otherwise }),
  };
}
