import type { JsonValue } from '@hookmap/core';

/**
 * The recording URL when HubSpot can play it back (an https:// URL of an .mp3 or .wav file), else the property is
 * left out: a recording HubSpot cannot play is rejected by the schema, so starters link it in the body instead.
 */
export function playableRecording(expression: string): JsonValue {
  return {
    $let: {
      extension: `{{ ${expression} | split: '?' | first | split: '.' | last | lower }}`,
      scheme: `{{ ${expression} | slice: 0, 8 }}`,
    },
    in: {
      $if: "{{ scheme == 'https://' && (extension == 'mp3' || extension == 'wav') }}",
      then: `{{ ${expression} }}`,
    },
  };
}
