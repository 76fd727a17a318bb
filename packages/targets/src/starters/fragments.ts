import type { JsonValue } from '@hookmap/core';

/**
 * Template fragments written against `common`, shared by the starters of every CRM.
 * Each one renders to a string (possibly empty) for every provider.
 */

/** Activity time: when the call/meeting ended, else when it started, else the render time (a post-call webhook fires right after the call; OSVI sends no time at all), as ISO-8601 UTC. */
export const WHEN_ISO = "{{ common.ended_at ?? common.started_at ?? 'now' | iso }}";

/** Calendar date (YYYY-MM-DD, UTC) of the call/meeting; omitted when the provider sends no time. */
export const WHEN_DATE = "{{ (common.started_at ?? common.ended_at) | date: '%Y-%m-%d', 'UTC' | optional }}";

/** The meeting's title, else who the call was with, else "Call" (call providers send no title). */
const TITLE_EXPRESSION = "common.title ?? common.participants[0].name ?? common.phone ?? 'Call'";

/** Title with a fallback naming the person or number. */
export const TITLE = `{{ ${TITLE_EXPRESSION} }}`;

/** `<ul>` of the action items with an "Action items" heading, or "" when there are none. */
export const ACTION_ITEMS_HTML: JsonValue = {
  $if: '{{ common.action_items | size }}',
  then: {
    $let: {
      items: { $each: '{{ common.action_items }}', as: 'item', do: '<li>{{ item.text | html_escape }}</li>' },
    },
    in: "<p><strong>Action items</strong></p><ul>{{ items | join: '' }}</ul>",
  },
  else: '',
};

/** Markdown/plain bullet list of the action items with a heading, or "" when there are none. */
export const ACTION_ITEMS_TEXT: JsonValue = {
  $if: '{{ common.action_items | size }}',
  then: {
    $let: {
      items: {
        $each: '{{ common.action_items }}',
        as: 'item',
        do: "- {{ item.text }}{{ item.assignee ? ' (' : '' }}{{ item.assignee }}{{ item.assignee ? ')' : '' }}",
      },
    },
    in: "\n\nAction items:\n{{ items | join: '\\n' }}",
  },
  else: '',
};

/** HTML note: bold title, summary paragraph, action items, recording link. */
export const NOTE_HTML: JsonValue = {
  $let: { actions: ACTION_ITEMS_HTML },
  in: `<p><strong>{{ ${TITLE_EXPRESSION} | html_escape }}</strong></p><p>{{ common.summary | html_escape }}</p>{{ actions }}`,
};

/** Plain-text description: summary, action items, links. */
export const DESCRIPTION_TEXT: JsonValue = {
  $let: { actions: ACTION_ITEMS_TEXT },
  in: "{{ common.summary ?? '' }}{{ actions }}{{ common.url ? '\\n\\nLink: ' : '' }}{{ common.url }}",
};

/**
 * One rendered line per key of an object (e.g. OSVI `data_capture`, Otoni Stark `extracted_variables`), with
 * `key` and `value` in scope: `{{ obj | pick: key | values | first }}` reads the value without dynamic indexing.
 */
export function fieldLines(objectExpression: string, line: string): JsonValue {
  return {
    $each: `{{ ${objectExpression} | keys }}`,
    as: 'key',
    do: { $let: { value: `{{ ${objectExpression} | pick: key | values | first }}` }, in: line },
  };
}
