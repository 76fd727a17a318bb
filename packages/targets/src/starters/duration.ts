import type { JsonValue } from '@hookmap/core';

/**
 * Seconds as "mm:ss" with the minutes not wrapped at the hour (3725 s is "62:05"), written with today's filters:
 * whole seconds, a leading 0 below ten minutes, minutes by division, seconds as the seconds of that epoch time.
 * When the expression is null the property is left out. (A core `duration` filter would make this one call; see
 * the package README.)
 */
export function minutesSeconds(expression: string): JsonValue {
  return {
    $if: `{{ ${expression} != null }}`,
    then: {
      $let: { seconds: `{{ ${expression} | integer }}` },
      in: "{{ seconds < 600 ? '0' : '' }}{{ seconds | divided_by: 60 | floor }}:{{ seconds | date: '%S', 'UTC' }}",
    },
  };
}
