import { boolean, object, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

const textObject = (max: number): JsonSchema =>
  object({ type: { enum: ['plain_text', 'mrkdwn'], description: 'Text type.' }, text: text('The text.', { minLength: 1, maxLength: max }) }, ['type', 'text']);

function blockRule(type: string, then: JsonSchema): JsonSchema {
  return { if: { properties: { type: { const: type } }, required: ['type'] }, then };
}

const block: JsonSchema = object(
  { type: text('Block type: header, section, context, divider, actions, image...', { minLength: 1 }) },
  ['type'],
  {
    allOf: [
      blockRule('header', object({ text: object({ type: { const: 'plain_text' }, text: text('Header text.', { maxLength: 150 }) }, ['type', 'text']) }, ['text'])),
      blockRule('section', {
        properties: { text: textObject(3000), fields: { type: 'array', maxItems: 10, items: textObject(2000) } },
        anyOf: [{ required: ['text'] }, { required: ['fields'] }],
        'x-hint': 'A section needs "text" or "fields"',
      }),
      blockRule('context', object({ elements: { type: 'array', minItems: 1, maxItems: 10 } }, ['elements'])),
    ],
  },
);

/** POST to the incoming-webhook URL. */
export const messageSchema: JsonSchema = object(
  {
    text: text('Message text (mrkdwn); the notification fallback when blocks are present.', {
      minLength: 1,
      'x-hint': 'Slack shows "text" in notifications; always send it, even with blocks',
    }),
    blocks: { type: 'array', maxItems: 50, items: block, description: 'Block Kit layout.' },
    mrkdwn: boolean('Format "text" as mrkdwn (default true).'),
    unfurl_links: boolean('Unfurl links.'),
    unfurl_media: boolean('Unfurl media.'),
    thread_ts: text('Reply in this thread.'),
  },
  ['text'],
  { additionalProperties: false },
);
