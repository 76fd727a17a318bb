import type { JsonValue } from '@hookmap/core';
import { slackEscaped } from '../starters/escape.js';
import { templateIntegration } from '../starters/integration.js';
import { slackMessageExample, slackMessageResponse } from './example.js';
import type { RateLimit, StarterContext, TargetDefinition } from '../types.js';
import { blocksTextTotal, unescapedBroadcast } from './rules.js';
import { messageSchema } from './schema.js';

/** Mapped text goes into mrkdwn escaped (a summary with <!channel> must not ping the channel), then truncated to the limit. */
const actionItems: JsonValue = {
  $let: {
    items: {
      $each: '{{ common.action_items }}',
      as: 'item',
      do: `{{ item.done ? ':white_check_mark:' : ':white_square:' }} {{ ${slackEscaped('item.text')} }}`,
    },
  },
  in: "*Action items*\n{{ items | join: '\\n' | truncate: 2900 }}",
};

const message: JsonValue = {
  text: `{{ ${slackEscaped("common.title ?? 'Call finished'")} }}`,
  blocks: [
    {
      type: 'header',
      text: { type: 'plain_text', text: "{{ common.title ?? 'Call finished' | truncate: 150 }}" },
    },
    {
      $if: '{{ common.summary }}',
      then: {
        type: 'section',
        text: { type: 'mrkdwn', text: `{{ ${slackEscaped('common.summary')} | truncate: 3000 }}` },
      },
    },
    {
      $if: '{{ common.action_items | size }}',
      then: { type: 'section', text: { type: 'mrkdwn', text: actionItems } },
    },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Source: {{ common.provider }} {{ common.event }}' },
        {
          $if: '{{ common.recording_url }}',
          then: { type: 'mrkdwn', text: `<{{ ${slackEscaped('common.recording_url')} }}|Recording>` },
        },
        {
          $if: '{{ common.url }}',
          then: { type: 'mrkdwn', text: `<{{ ${slackEscaped('common.url')} }}|Open>` },
        },
      ],
    },
  ],
};

/** Slack incoming webhooks: one message per second per webhook, short bursts allowed. */
export const RATE_LIMIT: RateLimit = {
  requests: 1,
  perMs: 1_000,
  scope: 'webhook',
  source: 'Slack API "Rate limits" (incoming webhooks: 1 per second, short bursts allowed), read 2026-12',
  note: 'Slack answers 429 with Retry-After when a webhook is sent faster.',
};

export const slackMessage: TargetDefinition = {
  id: 'slack.message',
  crm: 'slack',
  name: 'Slack message (incoming webhook)',
  method: 'POST',
  url: '{{secrets.SLACK_WEBHOOK_URL}}',
  headers: {},
  secrets: ['SLACK_WEBHOOK_URL'],
  schema: messageSchema,
  example: slackMessageExample,
  docs: [
    'https://api.slack.com/messaging/webhooks',
    'https://api.slack.com/reference/block-kit/blocks',
    'https://api.slack.com/reference/surfaces/formatting#escaping',
  ],
  notes: [
    'No auth header: the webhook URL itself (https://hooks.slack.com/services/T.../B.../...) is the secret SLACK_WEBHOOK_URL.',
    '"text" is the notification fallback when blocks are present; send it always (Slack truncates it past 40,000 characters).',
    'mrkdwn text must escape exactly &, < and > (&amp; &lt; &gt;): the starters do, so a summary containing <!channel> or <url|x> shows as written.',
    'At most 50 blocks; header text 150, section text 3,000, 10 fields of 2,000, context 10 elements; about 13,000 characters of text across all blocks.',
    'Slack answers 200 with the plain-text body "ok".',
  ],
  starter: (context: StarterContext) => templateIntegration(slackMessage, message, context),
  providerStarters: {},
  response: slackMessageResponse,
  rateLimit: RATE_LIMIT,
  rules: [blocksTextTotal, unescapedBroadcast],
};
