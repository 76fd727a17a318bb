import { boolean, object, text } from '../schema-parts.js';
import type { JsonSchema } from '../types.js';

const ESCAPE_HINT = 'Escape &, < and > in mapped text with "| slack_escape" (the starters do)';

const textObject = (max: number): JsonSchema =>
  object(
    {
      type: { enum: ['plain_text', 'mrkdwn'], description: 'Text type.' },
      text: text('The text.', {
        minLength: 1,
        maxLength: max,
        'x-hint': `At most ${max} characters: "| truncate: ${max}" after escaping`,
      }),
    },
    ['type', 'text'],
  );

function blockRule(type: string, then: JsonSchema): JsonSchema {
  return { if: { properties: { type: { const: type } }, required: ['type'] }, then };
}

/** A context element is a text object (at most 3,000 characters) or an image. */
const contextElement: JsonSchema = {
  type: 'object',
  description: 'Text or image.',
  if: { properties: { type: { enum: ['plain_text', 'mrkdwn'] } }, required: ['type'] },
  then: textObject(3000),
};

const block: JsonSchema = object(
  {
    type: text('Block type: header, section, context, divider, markdown, actions, image...', {
      minLength: 1,
    }),
  },
  ['type'],
  {
    allOf: [
      blockRule(
        'header',
        object(
          {
            text: object(
              {
                type: { const: 'plain_text' },
                text: text('Header text.', {
                  maxLength: 150,
                  'x-hint': 'At most 150 characters: "| truncate: 150"',
                }),
              },
              ['type', 'text'],
            ),
          },
          ['text'],
        ),
      ),
      blockRule('section', {
        properties: {
          text: textObject(3000),
          fields: { type: 'array', maxItems: 10, items: textObject(2000) },
        },
        anyOf: [{ required: ['text'] }, { required: ['fields'] }],
        'x-hint': 'A section needs "text" or "fields"',
      }),
      blockRule(
        'context',
        object({ elements: { type: 'array', minItems: 1, maxItems: 10, items: contextElement } }, [
          'elements',
        ]),
      ),
      blockRule(
        'markdown',
        object({ text: text('Markdown text.', { minLength: 1, maxLength: 12000 }) }, ['text']),
      ),
    ],
  },
);

/** POST to the incoming-webhook URL. */
export const messageSchema: JsonSchema = object(
  {
    text: text('Message text (mrkdwn); the notification fallback when blocks are present.', {
      minLength: 1,
      maxLength: 40000,
      'x-hint': `Slack shows "text" in notifications; always send it, even with blocks. Slack truncates text past 40,000 characters. ${ESCAPE_HINT}`,
    }),
    blocks: {
      type: 'array',
      maxItems: 50,
      items: block,
      description: 'Block Kit layout (at most 50 blocks).',
    },
    mrkdwn: boolean('Format "text" as mrkdwn (default true).'),
    unfurl_links: boolean('Unfurl links.'),
    unfurl_media: boolean('Unfurl media.'),
    thread_ts: text('Reply in this thread.'),
  },
  ['text'],
  { additionalProperties: false },
);
