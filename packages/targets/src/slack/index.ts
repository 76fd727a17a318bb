import type { JsonValue } from '@hookmap/core';
import { templateIntegration } from '../starters/integration.js';
import { slackMessageExample } from './example.js';
import type { StarterContext, TargetDefinition } from '../types.js';
import { messageSchema } from './schema.js';

const actionItems: JsonValue = {
  $let: { items: { $each: '{{ common.action_items }}', as: 'item', do: "{{ item.done ? ':white_check_mark:' : ':white_square:' }} {{ item.text }}" } },
  in: "*Action items*\n{{ items | join: '\\n' | truncate: 2900 }}",
};

const message: JsonValue = {
  text: "{{ common.title ?? 'Call finished' }}",
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: "{{ common.title ?? 'Call finished' | truncate: 150 }}" } },
    { $if: '{{ common.summary }}', then: { type: 'section', text: { type: 'mrkdwn', text: '{{ common.summary | truncate: 3000 }}' } } },
    { $if: '{{ common.action_items | size }}', then: { type: 'section', text: { type: 'mrkdwn', text: actionItems } } },
    {
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Source: {{ common.provider }} {{ common.event }}' },
        { $if: '{{ common.recording_url }}', then: { type: 'mrkdwn', text: '<{{ common.recording_url }}|Recording>' } },
        { $if: '{{ common.url }}', then: { type: 'mrkdwn', text: '<{{ common.url }}|Open>' } },
      ],
    },
  ],
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
  docs: ['https://api.slack.com/messaging/webhooks', 'https://api.slack.com/reference/block-kit/blocks'],
  notes: [
    'No auth header: the webhook URL itself (https://hooks.slack.com/services/T.../B.../...) is the secret SLACK_WEBHOOK_URL.',
    '"text" is the notification fallback when blocks are present; send it always.',
    'Slack answers 200 with the plain-text body "ok".',
  ],
  starter: (context: StarterContext) => templateIntegration(slackMessage, message, context),
  providerStarters: {},
};
